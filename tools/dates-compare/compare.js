#!/usr/bin/env node
// Development only. Runs the Recognizers-Text English DateTime specs through chrono-node and
// @microsoft/recognizers-text-date-time with the comparison rule of `sitrep eval dates-specs`
// (src/Sitrep/Temporal/DateSpecsEvaluation.cs) and writes their per-file pass rates to results.json.
// Usage: npm ci && node compare.js [SPECS_DIR] [OUT_JSON]
'use strict';
const fs = require('fs');
const path = require('path');
const chrono = require('chrono-node');
const DT = require('@microsoft/recognizers-text-date-time');

const specsDir = process.argv[2] || path.join(__dirname, '..', '..', '..', 'shared', 'data', 'dates', 'recognizers-text-specs');
const outPath = process.argv[3] || path.join(__dirname, 'results.json');
const DEFAULT_REF = '2016-11-07';

// ---- day arithmetic on 'YYYY-MM-DD' strings (UTC, no time zones involved) ----
const toDay = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86400000;
const ymd = (y, m, d) => Date.UTC(y, m - 1, d) / 86400000;
const isDate = (s) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}/.test(s);

// ---- spec reading (same as DateSpecsEvaluation.ReadCases) ----
function notSupported(c) {
  return ['NotSupported', 'NotSupportedByDesign'].some((k) => typeof c[k] === 'string' && /dotnet/i.test(c[k]));
}

function modelValue(res) {
  const values = res && res.resolution && res.resolution.values;
  if (!Array.isArray(values) || values.length === 0) return { start: null, endEx: null };
  const v = values[0]; // Recognizers lists the past reading first
  if (v.type === 'date' && isDate(v.value)) return { start: toDay(v.value), endEx: toDay(v.value) + 1 };
  if (v.type === 'daterange') return { start: isDate(v.start) ? toDay(v.start) : null, endEx: isDate(v.end) ? toDay(v.end) : null };
  return { start: null, endEx: null };
}

function readExpected(res, model) {
  if (model) {
    const { start, endEx } = modelValue({ resolution: res.Resolution });
    return { start: res.Start, length: res.End - res.Start + 1, s: start, e: endEx,
      dateType: res.TypeName === 'datetimeV2.date' || res.TypeName === 'datetimeV2.daterange' };
  }
  let s = null, e = null;
  const past = res.Value && res.Value.PastResolution;
  if (past && typeof past === 'object') {
    if (isDate(past.date)) { s = toDay(past.date); e = s + 1; }
    else { s = isDate(past.startDate) ? toDay(past.startDate) : null; e = isDate(past.endDate) ? toDay(past.endDate) : null; }
  }
  return { start: res.Start, length: res.Length, s, e, dateType: res.Type === 'date' || res.Type === 'daterange' };
}

function readCases(file) {
  const model = path.basename(file).includes('Model');
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return JSON.parse(text).filter((c) => !notSupported(c)).map((c) => ({
    input: c.Input,
    ref: c.Context && isDate(c.Context.ReferenceDateTime) ? c.Context.ReferenceDateTime.slice(0, 10) : DEFAULT_REF,
    expected: (c.Results || []).map((r) => readExpected(r, model)),
  }));
}

// ---- the comparison rule (same as DateSpecsEvaluation.Passes) ----
function valueMatches(exp, found) {
  if (exp.s === null && exp.e === null) return true;
  if (found.s === null) return false;
  if (exp.s !== null && found.s !== exp.s) return false;
  return exp.e === null || found.endIncl + 1 === exp.e || found.endIncl === exp.e;
}

function passes(c, found, compareValues) {
  if (found.length !== c.expected.length) return false;
  for (const exp of c.expected) {
    const f = found.find((x) => x.start === exp.start && x.length === exp.length);
    if (!f) return false;
    if (compareValues && !valueMatches(exp, f)) return false;
  }
  return true;
}

// ---- the two systems, each returning [{start, length, s, endIncl}] ----
function refDate(ref) {
  // Noon local time on the reference day, so no time zone moves it to another day.
  return new Date(+ref.slice(0, 4), +ref.slice(5, 7) - 1, +ref.slice(8, 10), 12, 0, 0);
}

function chronoFind(input, ref) {
  return chrono.parse(input, refDate(ref)).map((r) => {
    const c = r.start;
    const y = c.get('year'), m = c.get('month'), d = c.get('day');
    let s = ymd(y, m, d), endIncl = s;
    if (r.end) {
      endIncl = ymd(r.end.get('year'), r.end.get('month'), r.end.get('day'));
    } else if (!(c.isCertain('day') || c.isCertain('weekday'))) {
      if (c.isCertain('month')) { s = ymd(y, m, 1); endIncl = ymd(y, m + 1, 1) - 1; }
      else if (c.isCertain('year')) { s = ymd(y, 1, 1); endIncl = ymd(y + 1, 1, 1) - 1; }
    }
    return { start: r.index, length: r.text.length, s, endIncl };
  });
}

function recognizersFind(input, ref) {
  let results;
  try {
    results = DT.recognizeDateTime(input, 'en-us', DT.DateTimeOptions.None, refDate(ref));
  } catch (err) {
    return [{ start: -1, length: 0, s: null, endIncl: null, error: String(err) }];
  }
  return results.map((r) => {
    const { start, endEx } = modelValue(r);
    return { start: r.start, length: r.end - r.start + 1, s: start, endIncl: endEx === null ? null : endEx - 1 };
  });
}

const systems = { 'chrono-node': chronoFind, 'recognizers-js': recognizersFind };
const out = {};
for (const name of Object.keys(systems)) out[name] = {};

for (const sub of ['English', 'EnglishOthers']) {
  const dir = path.join(specsDir, sub);
  if (!fs.existsSync(dir)) continue;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const key = `${sub}/${f}`;
    const compareValues = f.includes('Parser') || f.includes('Model');
    const cases = readCases(path.join(dir, f));
    for (const [name, find] of Object.entries(systems)) {
      const score = { cases: 0, passed: 0, dateCases: 0, datePassed: 0 };
      for (const c of cases) {
        const ok = passes(c, find(c.input, c.ref), compareValues);
        score.cases++;
        if (ok) score.passed++;
        if (c.expected.every((e) => e.dateType)) {
          score.dateCases++;
          if (ok) score.datePassed++;
        }
      }
      out[name][key] = score;
    }
    process.stderr.write(`${key}: ${Object.entries(out).map(([n, s]) => `${n} ${s[key].passed}/${s[key].cases}`).join(', ')}\n`);
  }
}

const version = (pkg) => JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const labelled = {
  [`chrono-node@${version('chrono-node')}`]: out['chrono-node'],
  [`recognizers-js@${version('@microsoft/recognizers-text-date-time')}`]: out['recognizers-js'],
};
fs.writeFileSync(outPath, JSON.stringify(labelled, null, 1) + '\n');
process.stderr.write(`wrote ${outPath}: ${Object.keys(labelled).join(', ')}\n`);
