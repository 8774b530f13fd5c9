import { describe, expect, it } from "vitest";
import {
  CreatePropertySchema,
  crossFieldIssues,
  nextStatuses,
  SearchFiltersSchema,
  statusTransition,
  UpdatePropertySchema,
} from "./rules";
import { cityKeyOf, slugCandidate, slugify, stripAccents } from "./slug";

const valid = {
  title: "Appartement lumineux",
  type: "appartement",
  transactionType: "vente",
  city: "Lyon",
  postalCode: "69003",
};

function fieldsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return (result.error?.issues ?? []).map((i) => i.path.join("."));
}

describe("slugs", () => {
  it("lower-cases, strips accents and joins words with -", () => {
    expect(slugify("Appartement T3 lumineux — Lyon 3ᵉ")).toBe("appartement-t3-lumineux-lyon-3e");
    expect(slugify("  Maison à rénover : Saint-Étienne  ")).toBe("maison-a-renover-saint-etienne");
    expect(slugify("L’œuvre d’art, côté jardin !")).toBe("loeuvre-dart-cote-jardin");
    expect(slugify("Ça coûte 250 000 €")).toBe("ca-coute-250-000");
  });

  it("is never empty and stays short", () => {
    expect(slugify("!!! ???")).toBe("annonce");
    expect(slugify("a".repeat(300)).length).toBeLessThanOrEqual(80);
    expect(slugify(`${"mot ".repeat(30)}`)).not.toMatch(/-$/);
  });

  it("makes candidates unique with a numeric suffix", () => {
    expect(slugCandidate("maison", 1)).toBe("maison");
    expect(slugCandidate("maison", 2)).toBe("maison-2");
    expect(slugCandidate("maison", 3)).toBe("maison-3");
  });

  it("normalises cities for search", () => {
    expect(stripAccents("Besançon")).toBe("Besancon");
    expect(cityKeyOf("  Saint-Étienne ")).toBe("saint-etienne");
    expect(cityKeyOf("Aix  en Provence")).toBe("aix en provence");
    expect(cityKeyOf("ÉVRY")).toBe("evry");
    expect(cityKeyOf("Villeneuve-d’Ascq")).toBe("villeneuve-d'ascq");
  });
});

describe("status diagram", () => {
  it("allows draft→active, active→sold, active→draft", () => {
    expect(statusTransition("draft", "active")).toBe("allowed");
    expect(statusTransition("active", "sold")).toBe("allowed");
    expect(statusTransition("active", "draft")).toBe("allowed");
  });

  it("treats the same status as a no-op", () => {
    for (const s of ["draft", "active", "sold"] as const) expect(statusTransition(s, s)).toBe("same");
  });

  it("refuses everything else", () => {
    expect(statusTransition("draft", "sold")).toBe("invalid");
    expect(statusTransition("sold", "active")).toBe("invalid");
    expect(statusTransition("sold", "draft")).toBe("invalid");
  });

  it("offers the buttons of the allowed transitions only", () => {
    expect(nextStatuses("draft")).toEqual(["active"]);
    expect(nextStatuses("active")).toEqual(["sold", "draft"]);
    expect(nextStatuses("sold")).toEqual([]);
  });
});

describe("listing fields", () => {
  it("accepts the five required fields and ignores proId, slug, source and unknown keys", () => {
    const result = CreatePropertySchema.safeParse({ ...valid, proId: "x", slug: "y", source: "feed", foo: 1 });
    expect(result.success).toBe(true);
    expect(result.data).toEqual(valid);
  });

  it("names every missing required field", () => {
    const result = CreatePropertySchema.safeParse({});
    expect(fieldsOf(result).sort()).toEqual(["city", "postalCode", "title", "transactionType", "type"]);
    expect(result.error!.issues.find((i) => i.path[0] === "title")!.message).toBe("Indiquez le titre de l’annonce.");
  });

  it("checks enums, postal code and lengths", () => {
    const result = CreatePropertySchema.safeParse({
      title: "abc",
      type: "chateau",
      transactionType: "viager",
      city: "x".repeat(101),
      postalCode: "6900",
      description: "d".repeat(5001),
      address: "a".repeat(201),
      department: "d".repeat(101),
      region: "r".repeat(101),
    });
    expect(fieldsOf(result).sort()).toEqual(
      [
        "address",
        "city",
        "department",
        "description",
        "postalCode",
        "region",
        "title",
        "transactionType",
        "type",
      ].sort(),
    );
    expect(CreatePropertySchema.safeParse({ ...valid, postalCode: "2A004" }).success).toBe(false);
    expect(CreatePropertySchema.safeParse({ ...valid, title: "t".repeat(141) }).success).toBe(false);
    expect(CreatePropertySchema.safeParse({ ...valid, title: "t".repeat(140) }).success).toBe(true);
  });

  it("checks numeric ranges and integers", () => {
    const bad = {
      price: 100_000_001,
      surface: 0.5,
      rooms: 101,
      bedrooms: -1,
      bathrooms: 1.5,
      floor: -6,
      totalFloors: 201,
      buildingYear: 1599,
      latitude: 91,
      longitude: -181,
      energyRating: "H",
      gesRating: "Z",
    };
    const result = CreatePropertySchema.safeParse({ ...valid, ...bad });
    expect(fieldsOf(result).sort()).toEqual(Object.keys(bad).sort());
    const edges = {
      price: 0,
      surface: 100_000,
      rooms: 100,
      bedrooms: 0,
      floor: -5,
      totalFloors: 200,
      buildingYear: new Date().getFullYear() + 5,
      latitude: -90,
      longitude: 180,
      energyRating: "a",
    };
    const ok = CreatePropertySchema.safeParse({ ...valid, ...edges });
    expect(ok.success).toBe(true);
    expect(ok.data!.energyRating).toBe("A");
    expect(CreatePropertySchema.safeParse({ ...valid, buildingYear: new Date().getFullYear() + 6 }).success).toBe(
      false,
    );
    expect(CreatePropertySchema.safeParse({ ...valid, price: 12.5 }).success).toBe(false);
  });

  it("reads form strings: spaces in numbers, decimal commas, blanks as null", () => {
    const result = CreatePropertySchema.safeParse({
      ...valid,
      price: "250 000",
      surface: "62,5",
      rooms: "",
      description: "   ",
      energyRating: "",
    });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      price: 250000,
      surface: 62.5,
      rooms: null,
      description: null,
      energyRating: null,
    });
    expect(fieldsOf(CreatePropertySchema.safeParse({ ...valid, price: "beaucoup" }))).toEqual(["price"]);
  });

  it("lets an update send only some fields, but never empty a required one", () => {
    expect(UpdatePropertySchema.safeParse({ price: 1000 }).data).toEqual({ price: 1000 });
    expect(fieldsOf(UpdatePropertySchema.safeParse({ title: "", city: null, postalCode: "" })).sort()).toEqual([
      "city",
      "postalCode",
      "title",
    ]);
    expect(UpdatePropertySchema.safeParse({ status: "archived" }).success).toBe(false);
    expect(UpdatePropertySchema.safeParse({ photos: "a.webp" }).success).toBe(false);
    expect(UpdatePropertySchema.safeParse({ photos: ["properties/x/a.webp"] }).success).toBe(true);
  });

  it("checks rules across fields on the record as saved", () => {
    expect(crossFieldIssues({ rooms: 2, bedrooms: 3 }).map((i) => i.field)).toEqual(["bedrooms"]);
    expect(crossFieldIssues({ floor: 5, totalFloors: 4 }).map((i) => i.field)).toEqual(["floor"]);
    expect(crossFieldIssues({ rooms: 3, bedrooms: 2, floor: 0, totalFloors: 0 })).toEqual([]);
    expect(crossFieldIssues({ rooms: null, bedrooms: 3 })).toEqual([]);
  });
});

describe("search filters", () => {
  it("reads the query string, blanks meaning no filter", () => {
    const result = SearchFiltersSchema.safeParse({
      city: " Lyon ",
      type: "",
      transactionType: "vente",
      minPrice: "100 000",
      maxPrice: "",
      minSurface: "",
      minRooms: "3",
    });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      city: "Lyon",
      type: null,
      transactionType: "vente",
      minPrice: 100000,
      maxPrice: null,
      minRooms: 3,
    });
  });

  it("explains bad values in French", () => {
    const result = SearchFiltersSchema.safeParse({ type: "chateau", minPrice: "abc", maxPrice: "-3", minRooms: "2.5" });
    expect(fieldsOf(result).sort()).toEqual(["maxPrice", "minPrice", "minRooms", "type"]);
    const inverted = SearchFiltersSchema.safeParse({ minPrice: "500000", maxPrice: "100000" });
    expect(inverted.error!.issues[0]).toMatchObject({
      path: ["maxPrice"],
      message: "Le prix maximum doit être supérieur au prix minimum.",
    });
  });
});
