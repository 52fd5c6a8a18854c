// Reading `java -version`, so the local Neo4j runs on Java 17 and never on the machine's other JDKs.
import { describe, expect, it } from "vitest";
import { parseJavaVersion } from "../tools/neo4j/index.ts";

describe("parseJavaVersion", () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)', 17],
    ['openjdk version "25" 2025-09-16\nOpenJDK Runtime Environment Temurin-25+36', 25],
    ['java version "1.8.0_392"', 8],
    ['openjdk version "21.0.2" 2024-01-16', 21],
    ["Error: could not find libjava.so", null],
  ])("reads %j as %s", (text, major) => {
    expect(parseJavaVersion(text)).toBe(major);
  });
});
