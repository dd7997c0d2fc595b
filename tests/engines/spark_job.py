"""The calls of a folder of raw CTI logs as a Parquet dataset, decoded inside Spark tasks.

Each task runs the `cti-outcome` command-line tool, shipped to the executors with the job
(`SparkContext.addFile`), on the files of its partition (`cti-outcome timeline --output ndjson`:
one JSON object per call) and yields rows; Spark writes them partitioned by day with its own
Parquet writer, which reaches object storage (`s3a://`, `abfss://`, `gs://`) the way the
cluster is configured. The tool, not a Python port of the decoder: the same binary as
everywhere else, one process per file, nothing to install on the executors.

    spark-submit tests/engines/spark_job.py --cli target/release/cti-outcome \\
        --input s3a://bucket/logs/2026-03 --output s3a://bucket/cti-outcome
    # local:  --master 'local[*]' --input logs --output dataset

Columns: those of `cti-outcome export`'s `calls` table (README) but `skill_group` and `links`.
Inputs that hold no log are printed by the driver with the tool's reason and left out.
"""
import argparse
import json
import os
import subprocess
import tempfile
from datetime import datetime, timezone

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql.types import (ArrayType, LongType, StringType, StructField, StructType,
                               TimestampType)

PLACE = StructType([StructField('file', StringType()), StructField('line', LongType())])
CALLS = StructType([
    StructField('source_file', StringType(), False),
    StructField('call_key', StringType(), False),
    StructField('start', TimestampType()),
    StructField('end', TimestampType()),
    StructField('duration_ms', LongType()),
    StructField('direction', StringType()),
    StructField('call_type', StringType()),
    StructField('agents', ArrayType(StringType())),
    StructField('devices', ArrayType(StringType())),
    StructField('outcome', StringType()),
    StructField('rule', StringType()),
    StructField('reason', StringType()),
    StructField('evidence', ArrayType(PLACE)),
    StructField('date', StringType()),
])


def timestamp(point):
    """A call point's time as a UTC datetime, when it has a date (times without a zone: UTC)."""
    text = (point or {}).get('time')
    if not text or len(text) < 19 or text[4] != '-':
        return None
    t = datetime.fromisoformat(text.replace(' ', 'T'))
    return t.replace(tzinfo=timezone.utc) if t.tzinfo is None else t.astimezone(timezone.utc)


def row(path, call):
    start, end = timestamp(call.get('start')), timestamp(call.get('end'))
    kind = call.get('callType') or {}
    return ('call', (
        path, call['key'], start, end,
        int((end - start).total_seconds() * 1000) if start and end else None,
        call.get('direction'), kind.get('symbol') or (str(kind['value']) if 'value' in kind else None),
        call.get('agents', []), call.get('devices', []),
        call['outcome']['kind'], call['outcome']['rule'], call['outcome']['reason'],
        [(path, e.get('line')) for e in call['outcome'].get('evidence', [])],
        start.strftime('%Y-%m-%d') if start else None,
    ))


def decode(files):
    """A partition's (path, bytes) pairs → ('call', row) and ('error', (path, why))."""
    cli = SparkFiles.get('cti-outcome')
    os.chmod(cli, 0o755)
    for path, data in files:
        with tempfile.NamedTemporaryFile(suffix='-' + os.path.basename(path)) as f:
            f.write(data)
            f.flush()
            run = subprocess.run([cli, 'timeline', '--output', 'ndjson', f.name], capture_output=True, text=True)
        if run.returncode != 0:
            yield ('error', (path, run.stderr.strip().splitlines()[-1] if run.stderr.strip() else f'status {run.returncode}'))
            continue
        for line in run.stdout.splitlines():
            yield row(path, json.loads(line))


def run(spark, cli, inputs, output):
    """Decodes every file under `inputs` in Spark tasks; writes `output`/calls; returns the
    inputs that hold no log, with why."""
    spark.sparkContext.addFile(os.path.abspath(cli))
    # The executors import this module to run `decode`.
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    # Folders are read with their subfolders (a folder per day, as collections are kept).
    spark.sparkContext._jsc.hadoopConfiguration().set('mapreduce.input.fileinputformat.input.dir.recursive', 'true')
    sc = spark.sparkContext
    decoded = sc.binaryFiles(inputs, minPartitions=2 * sc.defaultParallelism).mapPartitions(decode).cache()
    errors = decoded.filter(lambda r: r[0] == 'error').map(lambda r: r[1]).collect()
    calls = spark.createDataFrame(decoded.filter(lambda r: r[0] == 'call').map(lambda r: r[1]), CALLS)
    calls.write.mode('overwrite').partitionBy('date').parquet(output.rstrip('/') + '/calls')
    decoded.unpersist()
    return errors


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n', 1)[0])
    p.add_argument('--cli', required=True, help='the cti-outcome binary for the executors (Linux x86-64)')
    p.add_argument('--input', required=True, help='a folder of logs, read with its subfolders (or globs, comma-separated)')
    p.add_argument('--output', required=True, help='where the dataset goes')
    a = p.parse_args()
    spark = SparkSession.builder.appName('cti-outcome calls').getOrCreate()
    for path, why in run(spark, a.cli, a.input, a.output):
        print(f'not read: {path}: {why}')
    spark.stop()


if __name__ == '__main__':
    main()
