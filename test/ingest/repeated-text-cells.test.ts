import { describe, expect, it } from "vitest";
import { readExport } from "../../src/ingest/index.js";
import { dimension, readText } from "./read-text.js";

/** Reads `text` in chunks of every size up to its length, so each cell is cut at each byte in some read. */
function everyChunking(text: string): Array<Array<string | null>> {
  const readings: Array<Array<string | null>> = [];
  for (let chunkBytes = 1; chunkBytes <= text.length + 1; chunkBytes++) {
    readings.push(dimension(readText(text, { chunkBytes }), "campaign"));
  }
  return readings;
}

describe("a text value repeated row after row", () => {
  it("reads each cell as written when it repeats, shares a prefix, or grows from the last value", () => {
    const text = [
      "Campaign,Cost",
      "Brand,1",
      "Brand,2",
      "Brand X,3",
      "Brand,4",
      "Bran,5",
      "Brand,6",
      "Brane,7",
      "Brand,8",
      ",9",
      "Brand,10",
      "Brand,11",
    ].join("\n");
    const expected = [
      "Brand",
      "Brand",
      "Brand X",
      "Brand",
      "Bran",
      "Brand",
      "Brane",
      "Brand",
      null,
      "Brand",
      "Brand",
    ];
    for (const reading of everyChunking(text)) expect(reading).toEqual(expected);
  });

  it("keeps quoted, padded and placeholder cells between repeats apart from the repeated value", () => {
    const text = [
      "Campaign,Cost",
      "Brand,1",
      '"Brand, UK",2',
      "Brand,3",
      '"Brand",4',
      "Brand,5",
      " Brand,6",
      "Brand ,7",
      "Brand,8",
      "--,9",
      "Brand,10",
      "Café,11",
      "Café,12",
      '"Sale ""50%""",13',
      'Sale "50%",14',
      "Brand,15\r\nBrand,16\r",
      "Brand,17",
    ].join("\n");
    const expected = [
      "Brand",
      "Brand, UK",
      "Brand",
      "Brand",
      "Brand",
      "Brand",
      "Brand",
      "Brand",
      null,
      "Brand",
      "Café",
      "Café",
      'Sale "50%"',
      'Sale "50%"',
      "Brand",
      "Brand",
      "Brand",
    ];
    for (const reading of everyChunking(text)) expect(reading).toEqual(expected);
  });

  it("gives a repeated value one code and keeps first-use order in the dictionary", () => {
    const dataset = readText("Campaign,Cost\nB,1\nB,2\nA,3\nA,4\nB,5\n");
    expect(dataset.facts.dimensions.campaign?.codes).toEqual(Int32Array.from([0, 0, 1, 1, 0]));
    expect(dataset.facts.dimensions.campaign?.values).toEqual(["B", "A"]);
  });

  it("keeps every repeat as its own value past the distinct-value cap", () => {
    const text = "Campaign,Search term,Cost\nA,x,1\nA,y,2\nA,z,3\nA,z,4\nA,z,5\n";
    const dataset = readExport({ bytes: Buffer.from(text), name: "capped.csv" }, { groupingCap: 2 });
    const terms = dataset.facts.identifiers?.["Search term"];
    if (!terms?.text) throw new Error("no identifier column as bytes");
    expect(Array.from(terms.codes)).toEqual([0, 1, 2, 3, 4]);
  });
});
