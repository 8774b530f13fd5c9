import { describe, expect, it } from "vitest";
import {
  formFieldOf,
  isValidEmail,
  isValidFullName,
  matchKey,
  normalizePhone,
  parseContactRequest,
  parseVehicleId,
  resolveReferences,
  SUCCESS_MESSAGES,
  type ProvinceRef,
  type VehicleRef,
} from "./validation";

const provinces: ProvinceRef[] = [
  { name: "Western Cape", cities: ["Cape Town", "Stellenbosch"] },
  { name: "Gauteng", cities: ["Johannesburg", "Pretoria"] },
  { name: "KwaZulu-Natal", cities: ["Durban"] },
];

const vehicles: VehicleRef[] = [
  { id: 100, proId: "garage", make: "Toyota", model: "Corolla", year: 2023, price: 350000, status: "active" },
  { id: 101, proId: "garage", make: "Honda", model: "Civic", year: 2023, price: 380000, status: "active" },
  { id: 12345, proId: "garage", make: "Toyota", model: "Starlet", year: 2022, price: 458171, status: "active" },
  { id: 777, proId: "garage", make: "VW", model: "Polo", year: 2019, price: 150000, status: "sold" },
];

/** Example 1 of seed 004. */
function example1(): Record<string, unknown> {
  return {
    fullName: "John Smith",
    email: "john@example.com",
    phone: "+27 21 555 1234",
    province: "Western Cape",
    city: "Cape Town",
    preferredContactMethod: "whatsapp",
    selectedVehicles: [
      { vehicleId: 100, make: "Toyota", model: "Corolla", year: 2023, price: 350000 },
      { vehicleId: 101, make: "Honda", model: "Civic", year: 2023, price: 380000 },
    ],
  };
}

function validate(body: Record<string, unknown>) {
  return resolveReferences(parseContactRequest(body), provinces, vehicles);
}

function errorsOf(body: Record<string, unknown>) {
  const result = validate(body);
  return result.ok ? [] : result.errors;
}

function codesOf(body: Record<string, unknown>) {
  return errorsOf(body).map((e) => `${e.field}:${e.code}`);
}

describe("the contract's four examples", () => {
  it("example 1: a valid multi-vehicle submission passes, with vehicle data from the database", () => {
    const body = example1();
    (body.selectedVehicles as { price: number }[])[0].price = 1; // client data is ignored
    const result = validate(body);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request.phone).toBe("+27215551234");
    expect(result.request.preferredContactMethod).toBe("whatsapp");
    expect(result.request.vehicles.map((v) => [v.id, v.price])).toEqual([
      [100, 350000],
      [101, 380000],
    ]);
  });

  it("example 2: an e-mail without @ is the only error", () => {
    expect(errorsOf({ ...example1(), email: "invalid.email.com" })).toEqual([
      { field: "email", message: "Please enter a valid email address", code: "INVALID_EMAIL" },
    ]);
  });

  it("example 3: a phone without country code is the only error", () => {
    expect(errorsOf({ ...example1(), phone: "021 555 1234" })).toEqual([
      { field: "phone", message: "Phone number must include country code (e.g., +27)", code: "INVALID_PHONE" },
    ]);
  });

  it("example 4: an empty vehicle list is the only error", () => {
    expect(errorsOf({ ...example1(), selectedVehicles: [] })).toEqual([
      { field: "selectedVehicles", message: "Please select at least one vehicle", code: "NO_VEHICLES_SELECTED" },
    ]);
  });

  it("reports every error at once, in the contract's field order", () => {
    expect(codesOf({ ...example1(), email: "nope", phone: "0215551234", selectedVehicles: [] })).toEqual([
      "email:INVALID_EMAIL",
      "phone:INVALID_PHONE",
      "selectedVehicles:NO_VEHICLES_SELECTED",
    ]);
  });
});

describe("REQUIRED", () => {
  it("flags every missing or blank required field", () => {
    expect(codesOf({ fullName: "   ", email: "", phone: null, selectedVehicles: [{ vehicleId: 100 }] })).toEqual([
      "fullName:REQUIRED",
      "email:REQUIRED",
      "phone:REQUIRED",
      "province:REQUIRED",
      "city:REQUIRED",
      "preferredContactMethod:REQUIRED",
    ]);
    expect(errorsOf({ ...example1(), fullName: "" })[0].message).toBe("Full name is required");
  });
});

describe("INVALID_FULL_NAME", () => {
  it.each(["José Müller-O'Neil", "Zoë O’Brien", "Nguyễn Thị Minh Khai", "Ωμέγα Παπαδόπουλος", "李小龍", "Al"])(
    "accepts %s",
    (name) => {
      expect(isValidFullName(name)).toBe(true);
      expect(validate({ ...example1(), fullName: `  ${name}  ` }).ok).toBe(true);
    },
  );

  it("accepts a decomposed accent (letter + combining mark)", () => {
    expect(isValidFullName("Jose\u0301 Mu\u0308ller")).toBe(true);
  });

  it.each(["J", "John3", "John_Smith", "john@example.com", "--", "' -", "Robert'); DROP TABLE", "A".repeat(256)])(
    "rejects %s",
    (name) => {
      expect(codesOf({ ...example1(), fullName: name })).toEqual(["fullName:INVALID_FULL_NAME"]);
    },
  );

  it("counts the length after trimming, 2 to 255", () => {
    expect(isValidFullName("A".repeat(255))).toBe(true);
    expect(codesOf({ ...example1(), fullName: ` ${"A".repeat(255)} ` })).toEqual([]);
    expect(codesOf({ ...example1(), fullName: " J " })).toEqual(["fullName:INVALID_FULL_NAME"]);
  });

  it("rejects a non-string", () => {
    expect(codesOf({ ...example1(), fullName: 42 })).toEqual(["fullName:INVALID_FULL_NAME"]);
  });
});

describe("INVALID_EMAIL", () => {
  it.each(["john@example.com", "sarah.johnson+cars@example.co.za"])("accepts %s", (email) => {
    expect(isValidEmail(email)).toBe(true);
  });
  it.each(["invalid.email.com", "john@example", "jo hn@example.com", "@example.com", `${"a".repeat(250)}@x.co`])(
    "rejects %s",
    (email) => {
      expect(codesOf({ ...example1(), email })).toEqual(["email:INVALID_EMAIL"]);
    },
  );
  it("trims the address", () => {
    const result = validate({ ...example1(), email: "  john@example.com " });
    expect(result.ok && result.request.email).toBe("john@example.com");
  });
});

describe("INVALID_PHONE", () => {
  it.each([
    ["+27 83 456 7890", "+27834567890"],
    ["+1 555 123 4567", "+15551234567"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+27 (21) 555-1234", "+27215551234"],
    ["+27.21.555.1234", "+27215551234"],
  ])("normalizes %s to %s", (raw, normalized) => {
    expect(normalizePhone(raw)).toBe(normalized);
  });
  it.each(["021 555 1234", "+0 21 555 1234", "27215551234", "+27 21 555 1234 5678 9", "+27-abc", "+2"])(
    "rejects %s",
    (phone) => {
      expect(codesOf({ ...example1(), phone })).toEqual(["phone:INVALID_PHONE"]);
    },
  );
  it("stores the normalized number", () => {
    const result = validate({ ...example1(), phone: "+27 (83) 456-7890" });
    expect(result.ok && result.request.phone).toBe("+27834567890");
  });
});

describe("INVALID_PROVINCE and INVALID_CITY", () => {
  it("matches case-insensitively and keeps the canonical names", () => {
    const result = validate({ ...example1(), province: "  western CAPE ", city: "cape town" });
    expect(result.ok).toBe(true);
    if (result.ok) expect([result.request.province, result.request.city]).toEqual(["Western Cape", "Cape Town"]);
    expect(matchKey("KwaZulu-Natal")).toBe(matchKey("kwazulu-natal"));
  });
  it("rejects an unknown province", () => {
    expect(codesOf({ ...example1(), province: "Atlantis" })).toEqual(["province:INVALID_PROVINCE"]);
  });
  it("rejects a city that is not in the province", () => {
    expect(codesOf({ ...example1(), city: "Johannesburg" })).toEqual(["city:INVALID_CITY"]);
  });
  it("rejects an unknown city", () => {
    expect(codesOf({ ...example1(), city: "Gotham" })).toEqual(["city:INVALID_CITY"]);
    expect(codesOf({ ...example1(), province: "Atlantis", city: "Gotham" })).toEqual([
      "province:INVALID_PROVINCE",
      "city:INVALID_CITY",
    ]);
  });
});

describe("INVALID_CONTACT_METHOD", () => {
  it.each(["email", "phone", "whatsapp", "WhatsApp"])("accepts %s", (method) => {
    expect(codesOf({ ...example1(), preferredContactMethod: method })).toEqual([]);
  });
  it.each(["sms", "fax", 3])("rejects %s", (method) => {
    expect(codesOf({ ...example1(), preferredContactMethod: method })).toEqual([
      "preferredContactMethod:INVALID_CONTACT_METHOD",
    ]);
  });
});

describe("COMMENTS_TOO_LONG", () => {
  it("allows up to 1000 characters after trimming", () => {
    expect(codesOf({ ...example1(), additionalComments: `   ${"x".repeat(1000)}   ` })).toEqual([]);
    expect(codesOf({ ...example1(), additionalComments: "x".repeat(1001) })).toEqual([
      "additionalComments:COMMENTS_TOO_LONG",
    ]);
  });
  it("is optional; blank becomes null", () => {
    const result = validate({ ...example1(), additionalComments: "   " });
    expect(result.ok && result.request.additionalComments).toBeNull();
    expect(codesOf({ ...example1(), additionalComments: null })).toEqual([]);
  });
  it("refuses a non-string with INVALID_COMMENTS", () => {
    expect(codesOf({ ...example1(), additionalComments: { html: true } })).toEqual([
      "additionalComments:INVALID_COMMENTS",
    ]);
  });
});

describe("selected vehicles", () => {
  it("NO_VEHICLES_SELECTED when missing, empty or not a list", () => {
    for (const selectedVehicles of [undefined, null, [], "100"]) {
      expect(codesOf({ ...example1(), selectedVehicles })).toEqual(["selectedVehicles:NO_VEHICLES_SELECTED"]);
    }
  });
  it("TOO_MANY_VEHICLES above 4", () => {
    const five = [100, 101, 12345, 1, 2].map((vehicleId) => ({ vehicleId }));
    expect(codesOf({ ...example1(), selectedVehicles: five })).toEqual(["selectedVehicles:TOO_MANY_VEHICLES"]);
  });
  it("INVALID_VEHICLE_ID for anything but a positive integer", () => {
    const list = [{ vehicleId: 0 }, { vehicleId: -3 }, { vehicleId: 1.5 }, { make: "Toyota" }];
    expect(codesOf({ ...example1(), selectedVehicles: list })).toEqual([
      "selectedVehicles[0].vehicleId:INVALID_VEHICLE_ID",
      "selectedVehicles[1].vehicleId:INVALID_VEHICLE_ID",
      "selectedVehicles[2].vehicleId:INVALID_VEHICLE_ID",
      "selectedVehicles[3].vehicleId:INVALID_VEHICLE_ID",
    ]);
    expect(parseVehicleId("12345")).toBe(12345);
    expect(parseVehicleId("12a")).toBeNull();
    expect(parseVehicleId("007")).toBeNull();
  });
  it("VEHICLE_NOT_FOUND for unknown and for sold vehicles", () => {
    expect(
      codesOf({ ...example1(), selectedVehicles: [{ vehicleId: 100 }, { vehicleId: 999999 }, { vehicleId: 777 }] }),
    ).toEqual(["selectedVehicles[1].vehicleId:VEHICLE_NOT_FOUND", "selectedVehicles[2].vehicleId:VEHICLE_NOT_FOUND"]);
  });
  it("DUPLICATE_VEHICLE for a repeated id", () => {
    const errors = errorsOf({ ...example1(), selectedVehicles: [{ vehicleId: 100 }, { vehicleId: 100 }] });
    expect(errors).toEqual([
      {
        field: "selectedVehicles[1].vehicleId",
        code: "DUPLICATE_VEHICLE",
        message: "Vehicle 100 is selected more than once",
      },
    ]);
    expect(formFieldOf(errors[0].field)).toBe("selectedVehicles");
  });
});

describe("success messages", () => {
  it("use the contract's words per method", () => {
    expect(SUCCESS_MESSAGES).toEqual({
      email: "Thank you for your interest. We'll contact you shortly.",
      phone: "Thank you for your interest. We'll contact you by phone shortly.",
      whatsapp: "Thank you for your interest. We'll contact you via WhatsApp shortly.",
    });
  });
});
