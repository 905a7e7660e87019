import { describe, expect, it } from "vitest";
import { concatFactTables, dimensionValue, distinctCount, readExport } from "../../src/ingest/index.js";
import { withoutRows } from "../../src/ingest/without-rows.js";
import { dimension, readText } from "./read-text.js";

const readCapped = (text: string, groupingCap: number) =>
  readExport({ bytes: Buffer.from(text, "utf8"), name: "capped.csv" }, { groupingCap });

describe("text columns stored as bytes", () => {
  it("treats a value the same however the file wrote it: padded, quoted, escaped or placeholder", () => {
    const text = [
      "Campaign,Keyword,Cost",
      'Brand,"say ""hi""",1',
      ' Brand ,say "hi"  ,2',
      '"Brand",--,3',
      "Café, Café,4",
      '"Caf\u00e9",[],5',
      "\u00a0Brand\u00a0,-,6",
    ].join("\n");
    const dataset = readText(text);
    expect(dimension(dataset, "campaign")).toEqual(["Brand", "Brand", "Brand", "Café", "Café", "Brand"]);
    expect(dimension(dataset, "keyword")).toEqual(['say "hi"', 'say "hi"', null, "Café", null, null]);
    expect(dataset.facts.dimensions.campaign?.values).toEqual(["Brand", "Café"]);
  });

  it("counts and shows a value without decoding the column", () => {
    const dataset = readText("Campaign,Cost\nA,1\nB,2\nA,3\nC,4\n");
    const campaign = dataset.facts.dimensions.campaign;
    if (!campaign) throw new Error("no campaign column");
    expect(distinctCount(campaign)).toBe(3);
    expect(dimensionValue(campaign, 3)).toBe("C");
    expect(Object.getOwnPropertyDescriptor(campaign, "values")?.get).toBeDefined();
    expect(campaign.values).toEqual(["A", "B", "C"]);
    expect(Object.getOwnPropertyDescriptor(campaign, "values")?.get).toBeUndefined();
  });

  it("keeps a column past the distinct-value cap as an identifier column and says so", () => {
    const text = [
      "Campaign,Search term,Cost",
      "A,red shoes,1",
      "A,blue shoes,2",
      "B,red shoes,3",
      "B,green boots,4",
      "A,cheap shoes,5",
    ].join("\n");
    const dataset = readCapped(text, 3);
    expect(Object.keys(dataset.facts.dimensions)).toEqual(["campaign"]);
    const terms = dataset.facts.identifiers?.["Search term"];
    if (!terms) throw new Error("no identifier column");
    expect(Array.from({ length: 5 }, (_, row) => dimensionValue(terms, row))).toEqual([
      "red shoes",
      "blue shoes",
      "red shoes",
      "green boots",
      "cheap shoes",
    ]);
    expect(dataset.receipt.warnings).toContain(
      '"Search term" has more than 3 different values: kept as an identifier column (each row keeps its value), not used to group, filter or rank',
    );
    expect(readCapped(text, 4).facts.identifiers).toBeUndefined();
  });

  it("keeps identifier and dimension values on their rows when rows are taken out", () => {
    const text = ["Campaign,Search term,Cost", "A,t1,1", "B,t2,2", "A,t3,3", "C,t4,4"].join("\n");
    const facts = withoutRows(readCapped(text, 3).facts, [0, 2]);
    const terms = facts.identifiers?.["Search term"];
    const campaign = facts.dimensions.campaign;
    if (!terms || !campaign) throw new Error("columns missing");
    expect([dimensionValue(terms, 0), dimensionValue(terms, 1)]).toEqual(["t2", "t4"]);
    expect(campaign.values).toEqual(["B", "C"]);
    expect(Array.from(campaign.codes)).toEqual([0, 1]);
  });

  it("leaves a summary label out of the dictionary", () => {
    const dataset = readText("Campaign,Cost\nA,1\nTotal: Campaigns,1\nB,2\n");
    expect(dataset.facts.dimensions.campaign?.values).toEqual(["A", "B"]);
    expect(Array.from(dataset.facts.dimensions.campaign?.codes ?? [])).toEqual([0, 1]);
  });

  it("keeps identifier columns when tables are put together, each row with its own value", () => {
    const first = readCapped("Campaign,Search term,Cost\nA,red shoes,1\nA,blue,2\nB,,3\nB,green,4\n", 2);
    const second = readCapped("Campaign,Cost\nC,5\n", 2);
    const third = readCapped("Campaign,Search term,Cost\nD,blue,6\nD,pink hat,7\nD,é,8\n", 2);
    const facts = concatFactTables([first.facts, second.facts, third.facts]);
    const terms = facts.identifiers?.["Search term"];
    if (!terms) throw new Error("no identifier column");
    expect(Array.from(terms.codes, (_, row) => dimensionValue(terms, row))).toEqual([
      "red shoes",
      "blue",
      null,
      "green",
      null,
      "blue",
      "pink hat",
      "é",
    ]);
  });
});
