# examples/spark: the PySpark job that pipes requests through `renalcheck screen --batch`.
# `make test-spark` installs what it needs when missing: a JRE (Debian's default-jre-headless)
# and pyspark (PyPI) in .venv-spark, then runs the job on local Spark with 4 partitions.
SPARK_VENV := .venv-spark

.PHONY: test-spark spark-deps

spark-deps:
	@command -v java >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless; }
	@test -x $(SPARK_VENV)/bin/python || python3 -m venv $(SPARK_VENV)
	@$(SPARK_VENV)/bin/python -c "import pyspark" 2>/dev/null || $(SPARK_VENV)/bin/pip install -q "pyspark>=3.5"

## test-spark: the PySpark example on local Spark (4 partitions): one record per input line, in order.
test-spark: spark-deps
	$(SWIFT) build --product renalcheck
	python3 examples/spark/make_input.py $(BUILD)/spark-input.ndjson --copies 50
	$(SPARK_VENV)/bin/python examples/spark/screen_job.py --cli $(abspath $(CLI)) --partitions 4 --check $(BUILD)/spark-input.ndjson
