#!/usr/bin/env python3
"""Screen a file of requests on Spark with `renalcheck screen --batch --report compact`.

    python3 examples/spark/screen_job.py --cli PATH/renalcheck INPUT.ndjson [--partitions 4] [--check]

Each line of INPUT is one screening request (with a `requestId`). The job pipes every partition
through the RenalCheck CLI (`rdd.pipe`), which writes exactly one record per line, in order: a
compact report, or an error record for a line that is not a valid request. The records become a
DataFrame with the compact-report schema (docs/schema/compact-report.schema.json), plus the error
record's `line` and `error` columns. `--batch` makes the CLI exit 0 whenever every line got its
record, so Spark's `checkCode=True` fails the job only when the run itself fails.

With --check the job verifies one record per input line, in input order (by requestId), and exits 1
otherwise. `make test-spark` runs it on local Spark with 4 partitions.
"""
import argparse
import json
import sys

from pyspark.sql import SparkSession
from pyspark.sql.types import (ArrayType, DoubleType, LongType, StringType, StructField, StructType)

ORDER = StructType([
    StructField("id", StringType()),
    StructField("drug", StringType()),
    StructField("status", StringType()),
])
FINDING = StructType([
    StructField("rule", StringType()),
    StructField("severity", StringType()),
    StructField("category", StringType()),
    StructField("orders", ArrayType(StringType())),
    StructField("drugs", ArrayType(StringType())),
    StructField("ordered", DoubleType()),
    StructField("limit", DoubleType()),
    StructField("unit", StringType()),
    StructField("measure", StringType()),
    StructField("sources", ArrayType(StringType())),
])
ERROR = StructType([
    StructField("code", LongType()),
    StructField("kind", StringType()),
    StructField("message", StringType()),
    StructField("path", StringType()),
    StructField("column", LongType()),
    StructField("problems", LongType()),
])
# One schema for both record kinds: a report fills formulary/orders/findings, an error record line/error.
RECORD = StructType([
    StructField("requestId", StringType()),
    StructField("formulary", StringType()),
    StructField("orders", ArrayType(ORDER)),
    StructField("findings", ArrayType(FINDING)),
    StructField("unknownMedications", ArrayType(StringType())),
    StructField("line", LongType()),
    StructField("error", ERROR),
])


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", required=True, help="path of the renalcheck command on every executor")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--check", action="store_true", help="verify one record per line, in order")
    parser.add_argument("input")
    args = parser.parse_args(argv)

    spark = (SparkSession.builder.master(f"local[{args.partitions}]").appName("renalcheck-screen")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.sql.shuffle.partitions", str(args.partitions))
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    lines = spark.sparkContext.textFile(args.input, minPartitions=args.partitions).coalesce(args.partitions)
    # Cached: every action below reads the same records instead of screening again.
    records = lines.pipe(f"{args.cli} screen --batch --report compact -", checkCode=True).cache()
    frame = spark.read.schema(RECORD).json(records)

    frame.groupBy("formulary").count().show(truncate=False)
    findings = frame.selectExpr("requestId", "explode(findings) AS f").selectExpr("requestId", "f.rule", "f.severity")
    findings.groupBy("severity").count().orderBy("severity").show(truncate=False)

    status = 0
    if args.check:
        expected = [json.loads(line).get("requestId") if line.strip().startswith("{") else None
                    for line in open(args.input, encoding="utf-8").read().splitlines()]
        got = [row.requestId for row in frame.select("requestId").collect()]
        inputs = lines.count()
        print(f"partitions {lines.getNumPartitions()}, input lines {inputs}, records {len(got)}")
        if len(got) != inputs or len(got) != len(expected):
            print(f"FAIL: {len(got)} records for {inputs} input lines", file=sys.stderr)
            status = 1
        mismatched = [i for i, (e, g) in enumerate(zip(expected, got), start=1) if e is not None and e != g]
        if mismatched:
            print(f"FAIL: records out of order at lines {mismatched[:5]}", file=sys.stderr)
            status = 1
        errors = frame.where("error IS NOT NULL").count()
        print(f"{len(got) - errors} reports, {errors} error records")
        print("1 passed, 0 failed" if status == 0 else "0 passed, 1 failed")
    spark.stop()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
