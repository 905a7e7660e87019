import { describe, expect, it } from "vitest";
import { readText, sums } from "./read-text.js";

describe("platform exports", () => {
  it.each([
    [
      "Google Ads, Spanish",
      'Informe de campañas\n1 de marzo de 2024 - 31 de marzo de 2024\nCampaña,Código de moneda,Impr.,Clics,Coste,Conversiones,Valor de conv.\nMarca,EUR,1.000,50,"12,50",2,"80,00"\nGenérica,EUR,500,10,"7,50",1,"20,00"\nTotal: Campañas,EUR,1.500,60,"20,00",3,"100,00"\n',
      { spend: 20, impressions: 1500, clicks: 60, conversions: 3, revenue: 100 },
      "EUR",
    ],
    [
      "Google Ads, German",
      "Kampagnenbericht\nKampagne;Währungscode;Impr.;Klicks;Kosten;Conversions;Conv.-Wert\nMarke;EUR;1.200;40;10,25;2;55,00\nSuche;EUR;800;20;4,75;1;5,00\n",
      { spend: 15, impressions: 2000, clicks: 60, conversions: 3, revenue: 60 },
      "EUR",
    ],
    [
      "Google Ads, French",
      "Campagne\tCode de la devise\tImpr.\tClics\tCoût\tConversions\tValeur de conv.\nMarque\tEUR\t1 200\t40\t10,25\t2\t55,00\nRecherche\tEUR\t800\t20\t4,75\t1\t5,00\n",
      { spend: 15, impressions: 2000, clicks: 60, conversions: 3, revenue: 60 },
      "EUR",
    ],
    [
      "Meta Ads Manager",
      "Reporting starts,Reporting ends,Campaign name,Ad set name,Amount spent (EUR),Impressions,Link clicks,Clicks (all),Purchases,Purchases conversion value\n2024-03-01,2024-03-01,Spring,Broad,10.5,1000,20,35,2,80\n2024-03-02,2024-03-02,Spring,Broad,9.5,900,10,15,1,40\n",
      { spend: 20, impressions: 1900, clicks: 30, conversions: 3, revenue: 120 },
      "EUR",
    ],
    [
      "TikTok Ads",
      "Campaign name,Ad group name,Date,Cost,Impressions,Clicks (destination),CTR (destination),Conversions,Total complete payment,Currency\nLaunch,18-24,2024-03-01,12.5,3000,60,2.00%,3,90,USD\nLaunch,25-34,2024-03-01,7.5,2000,40,2.00%,1,30,USD\n",
      { spend: 20, impressions: 5000, clicks: 100, conversions: 4, revenue: 120 },
      "USD",
    ],
    [
      "LinkedIn Campaign Manager",
      'Campaign Performance Report (in UTC)\n"Report Start: Mar 1, 2024"\n"Report End: Mar 31, 2024"\n\nStart Date (in UTC),Campaign Group Name,Campaign Name,Currency,Total Spent,Impressions,Clicks,Conversions,Leads\n3/1/2024,Q1,Decision makers,USD,100.00,5000,25,2,4\n3/2/2024,Q1,Decision makers,USD,50.00,2500,15,1,2\n',
      { spend: 150, impressions: 7500, clicks: 40, conversions: 3 },
      "USD",
    ],
    [
      "Microsoft Advertising",
      'Report Name: Campaign performance\nReport Time: 3/31/2024\nTime Zone: (GMT-05:00) Eastern Time\n\nCampaign name,Impr.,Clicks,Spend,Conv.,Revenue,Currency code\nBrand,1000,40,20.00,2,150.00,USD\nGeneric,500,10,5.00,0,0.00,USD\n"©2024 Microsoft Corporation. All rights reserved."\n',
      { spend: 25, impressions: 1500, clicks: 50, conversions: 2, revenue: 150 },
      "USD",
    ],
    [
      "Shopify",
      '"Day","Orders","Total sales","Online store visitors"\n"2024-03-01",3,"$1,250.00",400\n"2024-03-02",1,"$250.00",380\n',
      { conversions: 4, revenue: 1500 },
      "USD",
    ],
  ])("maps %s", (_, text, expected, currency) => {
    const dataset = readText(text);
    expect(sums(dataset)).toEqual(expected);
    expect(dataset.receipt.currency).toBe(currency);
  });

  it.each([
    ["Informe de campañas\nCampaña,Código de moneda,Impr.,Clics,Coste\nA,EUR,1,1,1\n", "google_ads"],
    ["Kampagne;Währungscode;Impr.;Klicks;Kosten\nA;EUR;1;1;1\n", "google_ads"],
    ["Campaign name,Ad set name,Amount spent (USD),Reporting starts\nA,B,1,2024-01-01\n", "meta_ads"],
    ["Campaign name,Ad group name,Cost,Clicks (destination),CTR (destination)\nA,B,1,1,1%\n", "tiktok_ads"],
    ["Campaign Name,Campaign Group Name,Total Spent,Impressions\nA,B,1,1\n", "linkedin_ads"],
    ["Report Name: x\n\nCampaign name,Impr.,Spend,Conv.\nA,1,1,1\n", "microsoft_ads"],
    ["Session default channel group,Sessions,Engaged sessions,Key events\nA,1,1,1\n", "ga4"],
    ["Day,Orders,Total sales,Net sales\n2024-01-01,1,1,1\n", "shopify"],
    ["date,campaign,cost,clicks\n2024-01-01,A,1,1\n", "generic"],
  ])("recognises the platform of %j", (text, platform) => {
    expect(readText(text).receipt.platform).toBe(platform);
  });

  it("derives revenue from Purchase ROAS when that is all Meta gives, and says so", () => {
    const dataset = readText(
      "Campaign name,Amount spent (USD),Purchases,Purchase ROAS (return on ad spend)\nA,100,2,2.5\nB,50,,\n",
    );
    expect(sums(dataset)).toEqual({ spend: 150, conversions: 2, revenue: 250 });
    expect(dataset.receipt.columns.revenue).toBe("Purchase ROAS (return on ad spend) x Amount spent (USD)");
    expect(dataset.receipt.warnings).toContain(
      'revenue derived as ROAS x spend from "Purchase ROAS (return on ad spend)" and "Amount spent (USD)": the file has no revenue column',
    );
  });

  it("maps the names people give columns in their own sheets", () => {
    const dataset = readText(
      "day,amount_spent,impr,link_clicks,purchases,conv_value,Region\n2024-01-01,10,100,5,1,40,North\n",
    );
    expect(dataset.receipt.columns).toEqual({
      spend: "amount_spent",
      impressions: "impr",
      clicks: "link_clicks",
      conversions: "purchases",
      revenue: "conv_value",
      date: "day",
    });
    expect(dataset.facts.dimensions.Region?.values).toEqual(["North"]);
  });

  it("keeps unknown columns: text as dimensions, numbers as extra measures, platform ratios left out", () => {
    const dataset = readText(
      "Campaign,Cost,Reach,Objective,CTR,Avg. CPC\nA,10,500,Sales,1.2%,0.5\nB,5,300,Leads,0.8%,0.4\n",
    );
    expect(Object.keys(dataset.facts.dimensions)).toEqual(["campaign", "Objective"]);
    expect(Object.keys(dataset.facts.extraMeasures)).toEqual(["reach"]);
  });

  it("names what it found when no column is a measure", () => {
    expect(() => readText("Campaign,Status,Notes\nA,Active,fine\nB,Paused,later\n")).toThrow(
      'no measure found: the columns are "Campaign", "Status", "Notes"; a usable file is an ad-platform or analytics export with columns such as spend (cost), impressions, clicks, conversions or revenue, or GA4\'s sessions and key events',
    );
  });

  it("refuses a table with numbers but nothing a marketer measures, naming its columns", () => {
    const recipes = "Recipe,Calories,Prep time (min),Servings\nPancakes,350,20,4\nOmelette,220,10,1\n";
    expect(() => readText(recipes)).toThrow(
      /^no measure found: the columns are "Recipe", "Calories", "Prep time \(min\)", "Servings"; a usable file is an ad-platform or analytics export/,
    );
  });

  it("warns when a file mixes currencies", () => {
    const dataset = readText("Campaign,Currency code,Cost\nA,USD,1\nB,EUR,2\n");
    expect(dataset.receipt.currency).toBeNull();
    expect(dataset.receipt.warnings[0]).toMatch(/mixes currencies \(USD, EUR\)/);
  });
});

describe("a sheet of one's own", () => {
  it("is generic even with Spend, Revenue and Currency columns", () => {
    const dataset = readText("Date,Campaign,Spend,Revenue,Currency\n2024-01-01,A,10,40,USD\n");
    expect(dataset.receipt.platform).toBe("generic");
  });
});
