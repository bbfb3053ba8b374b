#!/usr/bin/env node
// Which version of a plugin package came out beside a better-auth release, from `npm view PKG versions
// time --json` of both:
//   node beside.mjs PKG.json BETTER-AUTH.json RELEASE [--same-minor]
// The separately published @better-auth/* packages follow better-auth's numbers (and pin it as a peer):
// the same version when one was published, else the newest before it in the same minor line. A package
// with its own numbering (0.x) takes its newest version published by two days after the release.
// Prints nothing when the package had none then.
import fs from "node:fs";

const [pkgFile, baFile, release] = process.argv.slice(2);
const sameMinorOnly = process.argv.includes("--same-minor");
const read = (f) => JSON.parse(fs.readFileSync(f, "utf8"));
const { versions, time } = read(pkgFile);
const stable = [].concat(versions).filter((v) => /^\d+\.\d+\.\d+$/.test(v));
const parse = (v) => v.split(".").map(Number);
const cmp = (a, b) => {
	const x = parse(a);
	const y = parse(b);
	for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
	return 0;
};
const minor = (v) => v.split(".").slice(0, 2).join(".");
let pick;
if (stable.some((v) => parse(v)[0] >= 1)) {
	const line = stable.filter((v) => minor(v) === minor(release) && cmp(v, release) <= 0).sort(cmp);
	pick = line.at(-1);
	if (!pick && !sameMinorOnly) pick = stable.filter((v) => cmp(v, release) <= 0).sort(cmp).at(-1);
} else {
	const limit = Date.parse(read(baFile).time[release]) + 2 * 86400e3;
	pick = stable.filter((v) => Date.parse(time[v]) <= limit).sort(cmp).at(-1);
}
if (pick) console.log(pick);
