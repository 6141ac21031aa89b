#!/usr/bin/env python3
"""Generate a synthetic dispensing CSV (patient_id,drug,date,days_supply) for PSSA tests and
benchmarks. Standard library only; deterministic for a given --seed.

Population (fractions of --patients):
  * cascade pairs (--cascade-fraction): index and marker started 1..--window days apart;
    index first with probability strength/(1+strength), so the planted true sequence ratio is
    --strength (uniform start days keep the null-effect ratio close to 1);
  * index-only and marker-only users (--solo-fraction each);
  * independent users of both (--independent-fraction): unrelated start days;
  * everyone else: noise drugs only.
Users get monthly refills. Noise rows (other drugs, with --unknown-fraction of them naming
drugs no formulary knows, and --malformed-fraction broken rows) pad each patient to about
--rows / --patients rows. Starts during the washout make some users prevalent.

Independent users of both add symmetric pairs, so the observed aSR lies between 1 and
--strength; with --independent-fraction 0 it estimates --strength (seed 7, 2M rows, strength 2:
aSR 1.94, 95% CI 1.83-2.05).

Example:
  python3 scripts/gen-dispensings.py --seed 1 --patients 500000 --rows 10000000 \
      --strength 2.0 --index amlodipine,nifedipine --marker furosemide --out /tmp/d.csv
"""

import argparse
import datetime
import random
import sys

NOISE_DRUGS = [
    "metformin", "atorvastatin", "lisinopril", "omeprazole", "sevelamer", "calcitriol",
    "cinacalcet", "epoetin alfa", "levothyroxine", "sertraline", "gabapentin", "aspirin",
    "clopidogrel", "warfarin", "allopurinol", "tamsulosin", "insulin glargine", "carvedilol",
]


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--patients", type=int, default=1000)
    p.add_argument("--rows", type=int, default=20000, help="approximate total data rows")
    p.add_argument("--strength", type=float, default=2.0, help="planted true sequence ratio")
    p.add_argument("--index", default="amlodipine", help="comma-separated index drug names")
    p.add_argument("--marker", default="furosemide", help="comma-separated marker drug names")
    p.add_argument("--noise", default=",".join(NOISE_DRUGS), help="comma-separated noise drugs")
    p.add_argument("--start", default="2018-01-01")
    p.add_argument("--end", default="2022-12-31")
    p.add_argument("--window", type=int, default=365, help="max days between planted starts")
    p.add_argument("--cascade-fraction", type=float, default=0.04)
    p.add_argument("--solo-fraction", type=float, default=0.10)
    p.add_argument("--independent-fraction", type=float, default=0.04)
    p.add_argument("--unknown-fraction", type=float, default=0.002)
    p.add_argument("--malformed-fraction", type=float, default=0.0001)
    p.add_argument("--no-header", action="store_true")
    p.add_argument("--out", default="-", help="output path, '-' for stdout")
    args = p.parse_args(argv)
    if args.patients < 1 or args.rows < 0 or args.strength <= 0 or args.window < 1:
        p.error("--patients and --window must be positive, --rows non-negative, --strength > 0")
    return args


def main(argv):
    args = parse_args(argv)
    rng = random.Random(args.seed)
    start = datetime.date.fromisoformat(args.start)
    end = datetime.date.fromisoformat(args.end)
    span = (end - start).days + 1
    if span < 2:
        sys.exit("gen-dispensings: --end must be after --start")
    days = [(start + datetime.timedelta(days=i)).isoformat() for i in range(span)]
    index_drugs = [d for d in args.index.split(",") if d]
    marker_drugs = [d for d in args.marker.split(",") if d]
    noise_drugs = [d for d in args.noise.split(",") if d]
    unknown_drugs = ["UNKNOWN-DRUG-%02d" % i for i in range(20)] + ["999999%d" % i for i in range(5)]
    p_index_first = args.strength / (1.0 + args.strength)
    per_patient = args.rows / args.patients
    out = sys.stdout if args.out == "-" else open(args.out, "w", buffering=1 << 20)
    if not args.no_header:
        out.write("patient_id,drug,date,days_supply\n")
    written = 0
    c_cut = args.cascade_fraction
    i_cut = c_cut + args.solo_fraction
    m_cut = i_cut + args.solo_fraction
    b_cut = m_cut + args.independent_fraction
    lines = []

    def course(pid, drug_list, first_day, refills):
        drug = rng.choice(drug_list)
        for k in range(refills + 1):
            day = first_day + 30 * k
            if 0 <= day < span:
                lines.append("%s,%s,%s,30\n" % (pid, drug, days[day]))

    for n in range(args.patients):
        pid = "P%08d" % n
        target = int((n + 1) * per_patient) - int(n * per_patient)
        before = len(lines)
        u = rng.random()
        if u < c_cut:
            t = rng.randrange(span)
            gap = rng.randint(1, args.window)
            s = t + gap if rng.random() < p_index_first else t - gap
            course(pid, index_drugs, t, rng.randint(0, 3))
            course(pid, marker_drugs, s, rng.randint(0, 3))
        elif u < i_cut:
            course(pid, index_drugs, rng.randrange(span), rng.randint(0, 5))
        elif u < m_cut:
            course(pid, marker_drugs, rng.randrange(span), rng.randint(0, 5))
        elif u < b_cut:
            course(pid, index_drugs, rng.randrange(span), rng.randint(0, 3))
            course(pid, marker_drugs, rng.randrange(span), rng.randint(0, 3))
        for _ in range(target - (len(lines) - before)):
            r = rng.random()
            if r < args.malformed_fraction:
                lines.append("%s,%s\n" % (pid, rng.choice(noise_drugs)))
            elif r < args.malformed_fraction + args.unknown_fraction:
                lines.append("%s,%s,%s,30\n" % (pid, rng.choice(unknown_drugs), days[rng.randrange(span)]))
            else:
                lines.append("%s,%s,%s,30\n" % (pid, rng.choice(noise_drugs), days[rng.randrange(span)]))
        if len(lines) >= 100000:
            rng.shuffle(lines)
            out.writelines(lines)
            written += len(lines)
            lines = []
    rng.shuffle(lines)
    out.writelines(lines)
    written += len(lines)
    if out is not sys.stdout:
        out.close()
    print("gen-dispensings: %d rows, %d patients" % (written, args.patients), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
