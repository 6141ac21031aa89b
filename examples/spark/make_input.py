#!/usr/bin/env python3
"""Write an NDJSON input for the Spark example from the example requests.

    python3 examples/spark/make_input.py OUT.ndjson [--copies N]

Each example request of examples/*.json is written N times (default 50), each copy with its own
`requestId` (`req-000001` …), then three lines that are not valid requests, so the output shows
error records beside reports.
"""
import argparse
import glob
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--copies", type=int, default=50)
    args = parser.parse_args()
    requests = [json.load(open(p, encoding="utf-8")) for p in sorted(glob.glob(os.path.join(HERE, "..", "*.json")))]
    n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for _ in range(args.copies):
            for request in requests:
                n += 1
                request["requestId"] = f"req-{n:06d}"
                out.write(json.dumps(request, separators=(",", ":")) + "\n")
        out.write('{"requestId":"req-bad-1","patient":{}}\n')
        out.write('not json\n')
        out.write('{"requestId":"req-bad-2","orders":[]}\n')


if __name__ == "__main__":
    main()
