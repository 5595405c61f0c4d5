import { TrustPage, trustMetadata } from "@/app/_layout/trust-page";

export async function generateMetadata() {
  return trustMetadata("accessibility");
}

export default function Page() {
  return <TrustPage namespace="accessibility" />;
}
