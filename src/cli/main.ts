export async function main(argv: string[]): Promise<number> {
  console.log('cookie-inspector', argv.join(' '));
  return 0;
}
