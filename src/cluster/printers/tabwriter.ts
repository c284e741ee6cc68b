// Go's text/tabwriter (the elastic-tabstop layout every kubectl table and `describe` goes through), for the
// flags kubectl uses: left-aligned, space padding, no DiscardEmptyColumns.
//
// Text is cut into lines at '\n' and cells at '\t'. Only tab-terminated cells belong to a column; the last cell
// of a line is written as is, never padded. A column *block* is a run of consecutive lines that all have a
// tab-terminated cell in that column; each block gets its own width = max(cell width + padding, minwidth).
// `format` below is a transcription of (*Writer).format in src/text/tabwriter/tabwriter.go.
//
// kubectl's settings:
//   get:      tabwriter.NewWriter(out, 6, 4, 3, ' ', RememberWidths)   (cli-runtime printers.GetNewTabWriter)
//   describe: tabwriter.Init(buf, 0, 8, 2, ' ', 0)                      (kubectl/pkg/describe tabbedString)

export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

export const GET_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

/** Cell width as tabwriter measures it: UTF-8 runes (not display columns). */
function runeWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Lays out tab-separated text. A trailing '\n' is kept; text after the last '\n' is written unformatted. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const rawLines = text.split('\n');
  const lines = rawLines.map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i];
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j];
        s += c;
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j] - runeWidth(c)));
      }
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let self = line0; self < line1; self++) {
      if (column >= lines[self].length - 1) continue;
      // This line has a cell in this column: print the lines before the block, then size the block.
      writeLines(line0, self);
      line0 = self;
      let width = opts.minwidth;
      for (; self < line1; self++) {
        const cells = lines[self];
        if (column >= cells.length - 1) break;
        const w = runeWidth(cells[column]) + opts.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, self);
      widths.pop();
      line0 = self;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}
