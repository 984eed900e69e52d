#!/usr/bin/env python3
"""Writes the hostile-input corpus: broken scenarios, policies and saves, each with the error
the program must report (expected.tsv: file, then a substring of the message). Run from the
repository root: python3 tests/corpus/generate.py"""
import os, re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
cafe = open(os.path.join(ROOT, "assets/scenarios/cafe.ron"), encoding="utf-8").read()
software = open(os.path.join(ROOT, "assets/scenarios/software.ron"), encoding="utf-8").read()
save = open(os.path.join(HERE, "tiny-save-base.txt"), encoding="utf-8").read()
# A team's results file: three days of the one-year café (`run --scenario
# assets/scenarios/tutorial-cafe.ron --days 3 --team Corpus --results F`).
results = open(os.path.join(HERE, "tiny-results-base.txt"), encoding="utf-8").read()
policy = '(name: "p", changes: [(day: 0, set: (price: 1.1))])'

cases = []  # (name, bytes or str, expected substring)

def add(name, content, expected):
    cases.append((name, content, expected))

def rep(text, old, new, count=1):
    assert old in text, old
    return text.replace(old, new, count)

# --- scenarios -------------------------------------------------------------------------------
add("scenario-empty.ron", "", "the file is empty")
add("scenario-whitespace.ron", "   \n\t\n", "the file is empty")
add("scenario-binary.ron", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe]), "not UTF-8")
add("scenario-nul-bytes.ron", "(name: \"x\0\0\0", "error")
add("scenario-garbage.ron", "%%%% this is not RON at all %%%%", ":1:1: error")
add("scenario-truncated-10.ron", cafe[: len(cafe) // 10], "error")
add("scenario-truncated-50.ron", cafe[: len(cafe) // 2], "error")
add("scenario-truncated-90.ron", cafe[: len(cafe) * 9 // 10], "error")
add("scenario-truncated-last-char.ron", cafe.rstrip()[:-1], "error")
add("scenario-unknown-top-field.ron", rep(cafe, "    seed:", "    weather: Sunny,\n    seed:"), "weather")
add("scenario-unknown-nested-field.ron", rep(cafe, "tick_minutes: 15,", "tick_minutes: 15,\n        lunch_break: 30,"), "lunch_break")
add("scenario-missing-field.ron", re.sub(r"\n    seed: [0-9]+,", "", cafe, count=1), "seed")
add("scenario-wrong-type-string.ron", rep(cafe, "horizon_days: 1095", 'horizon_days: "three years"'), "Expected")
add("scenario-wrong-type-list.ron", rep(cafe, "segments: [", "segments: 3, old_segments: ["), "error")
add("scenario-negative-unsigned.ron", rep(cafe, "horizon_days: 1095", "horizon_days: -5"), "error")
add("scenario-horizon-zero.ron", rep(cafe, "horizon_days: 1095", "horizon_days: 0"), "horizon_days: must be in 1..=36500")
add("scenario-horizon-billion.ron", rep(cafe, "horizon_days: 1095", "horizon_days: 1000000000"), "horizon_days: must be in 1..=36500")
add("scenario-seed-overflow.ron", re.sub(r"seed: [0-9]+", "seed: 99999999999999999999999999999", cafe, count=1), "error")
add("scenario-nan.ron", rep(cafe, "gain: 1.0", "gain: NaN"), "satisfaction.gain: must be a finite number")
add("scenario-infinity.ron", rep(cafe, "loss: 2.0", "loss: inf"), "satisfaction.loss: must be a finite number")
add("scenario-huge-float.ron", rep(cafe, "mean_minutes: 2.0", "mean_minutes: 1e308"), "service.mean_minutes: must be in")
add("scenario-negative-probability.ron", rep(cafe, "voice_probability: 0.06", "voice_probability: -0.1"), "complaints.voice_probability: must be in 0..=1")
add("scenario-probability-above-one.ron", rep(cafe, "win_back: 0.35", "win_back: 1.5"), "churn.win_back: must be in 0..=1")
add("scenario-closes-before-opening.ron", rep(cafe, "close_hour: 19.0", "close_hour: 6.0"), "calendar.close_hour: must be after calendar.open_hour")
add("scenario-tick-not-dividing.ron", rep(cafe, "tick_minutes: 15", "tick_minutes: 7"), "whole number of ticks")
add("scenario-tick-zero.ron", rep(cafe, "tick_minutes: 15", "tick_minutes: 0"), "calendar.tick_minutes: must be in")
add("scenario-profile-length.ron", rep(cafe, "demand_profile: [1.6, 2.0,", "demand_profile: [2.0,"), "calendar.demand_profile: must have one weight per opening hour")
add("scenario-profile-all-zero.ron", re.sub(r"demand_profile: \[[^\]]*\]", "demand_profile: [" + ", ".join(["0.0"] * 12) + "]", cafe, count=1), "needs at least one positive weight")
add("scenario-no-segments.ron", re.sub(r"segments: \[.*?\n    \],", "segments: [],", cafe, count=1, flags=re.S), "segments: needs at least one segment")
seg = re.search(r"segments: \[\n(.*?)\n    \],", cafe, flags=re.S).group(1)
first = seg.split("        ),\n")[0] + "        ),\n"
add("scenario-too-many-segments.ron", rep(cafe, "segments: [\n", "segments: [\n" + first * 17), "at most 16 segments")
add("scenario-negative-share.ron", rep(cafe, "share: 0.4,", "share: -0.4,"), "segments[0].share: must be in")
add("scenario-churn-alpha-zero.ron", rep(cafe, "churn_alpha: 0.9,", "churn_alpha: 0.0,"), "segments[0].churn_alpha: must be in")
add("scenario-too-many-customers.ron", rep(cafe, "customers: 1200,", "customers: 2000000,"), "start.customers: must be in 0..=1000000")
add("scenario-market-zero.ron", rep(cafe, "size: 6000,", "size: 0,"), "market.size: must be in")
add("scenario-condition-weights.ron", rep(cafe, "condition_rest: 0.3,", "condition_rest: 0.9,"), "must add up to 1")
add("scenario-max-hours-below-sustainable.ron", rep(cafe, "max_weekly_hours: 63.0,", "max_weekly_hours: 40.0,"), "staff.max_weekly_hours: must be above")
add("scenario-lapse-longer-than-period.ron", rep(software, "lapse_days: 20,", "lapse_days: 45,"), "churn.lapse_days: must be shorter than revenue.period_days")
add("scenario-period-zero.ron", rep(software, "Subscription(period_days: 30)", "Subscription(period_days: 0)"), "revenue.period_days: must be in 1..=366")
add("scenario-deep-nesting.ron", rep(cafe, "demand_profile: [", "demand_profile: " + "[" * 200), "error")
add("scenario-duplicate-field.ron", rep(cafe, "    horizon_days: 1095,", "    horizon_days: 1095,\n    horizon_days: 20,"), "error")
add("scenario-unterminated-string.ron", rep(cafe, '"en": "The Corner Café",', '"en": "The Corner Café,'), "error")
add("scenario-unknown-variant.ron", rep(cafe, "distribution: Exponential,", "distribution: Gaussian,"), "Gaussian")
add("scenario-variant-missing-data.ron", rep(software, "Subscription(period_days: 30)", "Subscription()"), "error")
add("scenario-staff-too-many.ron", rep(cafe, "staff: 5,", "staff: 501,"), "start_levers.staff: must be in 0..=500")
add("scenario-empty-name.ron", re.sub(r'name: \{[^}]*\},', 'name: "",', cafe, count=1), "name: must not be empty")
add("scenario-several-problems.ron", rep(rep(cafe, "gain: 1.0", "gain: -3.0"), "noise: 0.7", "noise: 99.0"), "satisfaction.noise: must be in")

# --- policies --------------------------------------------------------------------------------
add("policy-empty.ron", "", "the file is empty")
add("policy-unknown-lever.ron", '(name: "p", changes: [(day: 0, set: (prize: 1.2))])', "prize")
add("policy-negative-staff.ron", '(name: "p", changes: [(day: 3, set: (staff: -2))])', "changes[0].set.staff: must be in 0..=500, got -2")
add("policy-day-beyond-limit.ron", '(name: "p", changes: [(day: 40000, set: (price: 1.1))])', "changes[0].day: must be in 0..=36499")
add("policy-nan-price.ron", '(name: "p", changes: [(day: 0, set: (price: NaN))])', "changes[0].set.price: must be a finite number")
add("policy-zero-price.ron", '(name: "p", changes: [(day: 0, set: (price: 0.0))])', "changes[0].set.price: must be in 0.1..=5")
add("policy-unknown-level.ron", '(name: "p", changes: [(day: 0, set: (service_level: Premium))])', "Premium")
add("policy-string-enum.ron", '(name: "p", changes: [(day: 0, set: (recovery: "Fair"))])', "error")
add("policy-empty-set.ron", '(name: "p", changes: [(day: 5, set: ())])', "changes[0].set: names no lever")
add("policy-dividend-too-high.ron", '(name: "p", changes: [(day: 0, set: (dividend: 2.0))])', "changes[0].set.dividend: must be in 0..=1")
add("policy-overtime-too-long.ron", '(name: "p", changes: [(day: 0, set: (overtime: 24.0))])', "changes[0].set.overtime: must be in 0..=8")
add("policy-too-many-extras.ron", '(name: "p", changes: [(day: 0, set: (extras: 1000))])', "changes[0].set.extras: must be in 0..=30")
add("policy-changes-not-a-list.ron", '(name: "p", changes: 5)', "error")
add("policy-missing-name.ron", '(changes: [(day: 0, set: (price: 1.1))])', "name")
add("policy-deep-nesting.ron", '(name: "p", changes: ' + "[" * 500 + ")", "error")
add("policy-truncated.ron", policy[: len(policy) // 2], "error")

# --- saves -----------------------------------------------------------------------------------
add("save-from-the-future.ron", rep(save, "format_version: 1", "format_version: 99"), "newer version")
add("save-format-zero.ron", rep(save, "format_version: 1", "format_version: 0"), "format_version: must be in 1..=7, got 0")
add("save-model-from-the-future.ron", rep(save, "format_version: 1,", "format_version: 5, model_version: 99,"), "model_version: this save was played under a newer version of the model (99)")
add("save-voice-out-of-range.ron", rep(save, "referral_rate: ", "voice: 7.0, referral_rate: "), ".customer.voice: must be in 0..=1, got 7")
add("save-truncated.ron", save[: len(save) // 3], "error")
add("save-unknown-field.ron", rep(save, " seed: ", " mood_ring: 3,\n seed: "), "mood_ring")
add("save-bad-segment.ron", rep(save, "customer: (id: 0, segment: 0,", "customer: (id: 0, segment: 99,"), "customers[0].customer.segment: must be below 3")
add("save-duplicate-customer.ron", re.sub(r"customer: \(id: 1,", "customer: (id: 0,", save, count=1), "appears twice")
add("save-missing-employee.ron", rep(save, "(employee_id: 0,", "(employee_id: 77,"), "floor.servers[0].employee_id: is not an employee")
add("save-bad-rng-seed.ron", re.sub(r'seed: "[0-9a-f]{64}"', 'seed: "not-hex"', save, count=1), "rng[0].seed: must be 64 hexadecimal digits")
add("save-history-mismatch.ron", rep(save, " day: 3,", " day: 2,"), "history: has 3 days, but the save is at day 2")
add("save-nan-mood.ron", re.sub(r"mood: [0-9.]+, attitude", "mood: NaN, attitude", save, count=1), "customers[0].customer.mood: must be a finite")

# --- results files (what teams hand in to the class view) -----------------------------------
add("results-from-the-future.ron", rep(results, "format_version: 1", "format_version: 99"), "newer version")
add("results-ragged.ron", rep(results, "day: [0, 1, 2]", "day: [0, 1]"), "series: the daily columns have different lengths")
add("results-days-backwards.ron", rep(results, "day: [0, 1, 2]", "day: [0, 2, 1]"), "series.day:")
add("results-empty-team.ron", rep(results, 'team: "Corpus"', 'team: "   "'), "team: a team name of 1 to 40")
add("results-long-team.ron", rep(results, 'team: "Corpus"', 'team: "' + "x" * 41 + '"'), "team: a team name of 1 to 40")
add("results-negative-weight.ron", rep(results, "customers: 1.0", "customers: -1.0"), "scenario.scorecard.customers: must be")
add("results-bad-hash.ron", re.sub(r'hash: "[0-9a-f]{16}"', 'hash: "zz"', results, count=1), "scenario.hash:")
add("results-language.ron", rep(results, 'language: "en"', 'language: "xx"'), "language:")
add("results-unknown-field.ron", rep(results, "    seed:", "    prize: 1000000,\n    seed:"), "prize")
add("results-truncated.ron", results[: len(results) // 2], "error")

os.makedirs(HERE, exist_ok=True)
# Cases written by hand (a save of today's format, say) are in expected.tsv but not above: they
# keep their line, after the generated ones.
generated = {name for name, _, _ in cases}
kept = []
tsv = os.path.join(HERE, "expected.tsv")
if os.path.exists(tsv):
    for line in open(tsv, encoding="utf-8"):
        if line.strip() and line.split("\t", 1)[0] not in generated:
            kept.append(line if line.endswith("\n") else line + "\n")
with open(tsv, "w", encoding="utf-8") as f:
    for name, content, expected in cases:
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        with open(os.path.join(HERE, name), "wb") as g:
            g.write(data)
        f.write(f"{name}\t{expected}\n")
    f.writelines(kept)
print(f"{len(cases)} files written, {len(kept)} written by hand kept")
