import { TrustPage, trustMetadata } from "@/app/_layout/trust-page";

export async function generateMetadata() {
  return trustMetadata("terms");
}

export default function Page() {
  return <TrustPage namespace="terms" />;
}
