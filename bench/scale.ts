export async function runScale(_args: string[], log: (line: string) => void) {
  log("scale: not yet");
}
