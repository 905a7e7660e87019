export interface FileType {
  mimetype: string;
  filetype: string;
  prettyType: string;
}

/** Slack's `filetype` and `pretty_type` for the extensions this app meets. */
const BY_EXTENSION: Record<string, FileType> = {
  csv: { mimetype: "text/csv", filetype: "csv", prettyType: "CSV" },
  tsv: { mimetype: "text/tab-separated-values", filetype: "tsv", prettyType: "TSV" },
  txt: { mimetype: "text/plain", filetype: "text", prettyType: "Plain Text" },
  json: { mimetype: "application/json", filetype: "json", prettyType: "JSON" },
  png: { mimetype: "image/png", filetype: "png", prettyType: "PNG" },
  jpg: { mimetype: "image/jpeg", filetype: "jpg", prettyType: "JPEG" },
  jpeg: { mimetype: "image/jpeg", filetype: "jpg", prettyType: "JPEG" },
  gif: { mimetype: "image/gif", filetype: "gif", prettyType: "GIF" },
  svg: { mimetype: "image/svg+xml", filetype: "svg", prettyType: "SVG" },
  pdf: { mimetype: "application/pdf", filetype: "pdf", prettyType: "PDF" },
  xls: { mimetype: "application/vnd.ms-excel", filetype: "xls", prettyType: "Excel Spreadsheet" },
  xlsx: {
    mimetype: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filetype: "xlsx",
    prettyType: "Excel Spreadsheet",
  },
  zip: { mimetype: "application/zip", filetype: "zip", prettyType: "Zip" },
};

const BINARY: FileType = { mimetype: "application/octet-stream", filetype: "binary", prettyType: "Binary" };

export function fileTypeOf(filename: string, mimetype?: string): FileType {
  const extension = filename.includes(".") ? (filename.split(".").pop() ?? "").toLowerCase() : "";
  const known = BY_EXTENSION[extension] ?? BINARY;
  return mimetype ? { ...known, mimetype } : known;
}
