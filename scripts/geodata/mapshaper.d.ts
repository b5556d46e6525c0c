declare module 'mapshaper' {
  /** Run mapshaper commands on in-memory input files; resolves to output file name -> content. */
  export function applyCommands(
    commands: string,
    input?: Record<string, unknown>,
  ): Promise<Record<string, string | Buffer>>;
  const mapshaper: { applyCommands: typeof applyCommands };
  export default mapshaper;
}
