import { TrustPage, trustMetadata } from "@/app/_layout/trust-page";

export async function generateMetadata() {
  return trustMetadata("privacy");
}

export default function Page() {
  return <TrustPage namespace="privacy" />;
}
