import { describe, expect, it } from "vitest";
import { parseSelection, searchWith, toggleSelection } from "./selection";

describe("the selection kept in the URL", () => {
  it("keeps up to 4 distinct positive ids and drops the rest", () => {
    expect(parseSelection("100,101")).toEqual([100, 101]);
    expect(parseSelection("100,abc,100,-3,0,101,102,103,104")).toEqual([100, 101, 102, 103]);
    expect(parseSelection(null)).toEqual([]);
    expect(parseSelection("9".repeat(30))).toEqual([]);
  });

  it("adds, removes and refuses a fifth vehicle", () => {
    expect(toggleSelection([100], 101)).toEqual([100, 101]);
    expect(toggleSelection([100, 101], 100)).toEqual([101]);
    expect(toggleSelection([1, 2, 3, 4], 5)).toEqual([1, 2, 3, 4]);
  });

  it("rewrites a search, resetting the page unless it is given", () => {
    expect(searchWith("?make=Toyota&page=3&selected=1", { selected: "1,2" })).toBe("?make=Toyota&selected=1,2");
    expect(searchWith("?make=Toyota", { page: "2" })).toBe("?make=Toyota&page=2");
    expect(searchWith("?selected=1", { selected: null })).toBe("");
  });
});
