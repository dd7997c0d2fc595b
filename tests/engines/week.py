"""`cti-outcome export` read by DuckDB, and the same logs decoded inside Spark tasks
(`duckdb` and `pyspark` from PyPI, installed by .ci/toolchain.sh, with Debian's OpenJDK): a
generated week of logs, three files a day in a folder per day, plus a file that is no log,
becomes a Parquet dataset; DuckDB's calls per day and outcome must equal the command-line
tool's own `summary` of each file, summed per day; the file that is no log is reported by its
name and the others are exported; a second run writes nothing, and a run with one more day
writes only its files. Then tests/engines/spark_job.py, in Spark's local mode, must count the
same calls per day and outcome (three ways: the tool, DuckDB, Spark).

    python3 tests/engines/week.py target/debug/cti-outcome
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter

import duckdb

CLI = os.path.abspath(sys.argv[1])
WORK = tempfile.mkdtemp(prefix='cti-outcome-duckdb-')
LOGS = os.path.join(WORK, 'logs')
OUT = os.path.join(WORK, 'dataset')
failures = []


def check(ok, what):
    print(f"{'ok  ' if ok else 'FAIL'} {what}")
    if not ok:
        failures.append(what)


def day_logs(day):
    """Three generated logs of 2026-03-<day>, each with its own seed and hour."""
    date = f'2026-03-{day:02d}'
    folder = os.path.join(LOGS, date)
    os.makedirs(folder, exist_ok=True)
    expected = Counter()
    for part in range(3):
        path = os.path.join(folder, f'ctisvr-{part + 1}.log')
        with open(path, 'wb') as f:
            subprocess.run([CLI, 'generate', '--calls', '120', '--seed', str(day * 10 + part),
                            '--start', f'{date}T{8 + 3 * part:02d}:00:00Z'], stdout=f, check=True)
        summary = json.loads(subprocess.run([CLI, 'summary', '--output', 'json', path],
                                            capture_output=True, check=True).stdout)
        for o in summary['outcomes']:
            expected[(date, o['kind'])] += o['count']
    return expected


def export():
    return subprocess.run([CLI, 'export', '--out', OUT, LOGS], capture_output=True, text=True)


expected = Counter()
for day in range(2, 9):
    expected += day_logs(day)
with open(os.path.join(LOGS, 'notes.txt'), 'w') as f:
    f.write('shift handover: nothing to report\n')

run = export()
check(run.returncode == 1, f'a run with a file that is no log ends with status 1 (got {run.returncode})')
check('notes.txt: nothing to export' in run.stderr, 'the file that is no log is reported by its name')
check('21 inputs written' in run.stderr, f'the 21 logs are exported: {run.stderr.strip().splitlines()[-1]}')

calls = f"read_parquet('{OUT}/calls/*/*.parquet', hive_partitioning = true)"
rows = duckdb.sql(f'SELECT CAST(date AS VARCHAR), outcome, count(*) FROM {calls} GROUP BY ALL').fetchall()
got = Counter({(d, o): n for d, o, n in rows})
check(got == expected, f'calls per day and outcome: DuckDB {sum(got.values())}, the CLI {sum(expected.values())}'
      + ('' if got == expected else f'; differ at {sorted(set(got.items()) ^ set(expected.items()))[:6]}'))
version = duckdb.sql(f"SELECT DISTINCT CAST(value AS VARCHAR) FROM parquet_kv_metadata('{OUT}/calls/*/*.parquet') "
                     "WHERE CAST(key AS VARCHAR) = 'cti_outcome.schema_version'").fetchall()
check(version == [('1',)], f'every part says schema version 1: {version}')
states = duckdb.sql(f"SELECT count(*) FROM read_parquet('{OUT}/agent_states/*/*.parquet')").fetchall()[0][0]
check(states > 0, f'agent states: {states}')

again = export()
check('0 inputs written' in again.stderr and '21 already in' in again.stderr,
      f'a second run writes nothing: {again.stderr.strip().splitlines()[-1]}')
expected += day_logs(9)
more = export()
check('3 inputs written' in more.stderr and '21 already in' in more.stderr,
      f'one more day writes only its files: {more.stderr.strip().splitlines()[-1]}')
got = Counter({(d, o): n for d, o, n in duckdb.sql(
    f'SELECT CAST(date AS VARCHAR), outcome, count(*) FROM {calls} GROUP BY ALL').fetchall()})
check(got == expected, 'after the new day, the counts still agree')

# Events (`--events`) and a call-record export (legs) in a dataset of their own: one day's logs
# and the Termination_Call_Detail fixture.
EXTRA = os.path.join(WORK, 'extra')
day2 = [os.path.join(LOGS, '2026-03-02', f) for f in sorted(os.listdir(os.path.join(LOGS, '2026-03-02')))]
tcd = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'records', 'cisco', 'tcd-ssms.csv')
extra = subprocess.run([CLI, 'export', '--events', '--out', EXTRA, *day2, tcd], capture_output=True, text=True)
check(extra.returncode == 0, f'--events with a call-record export: status {extra.returncode} {extra.stderr.strip()[-300:]}')
decoded = sum(len(json.loads(subprocess.run([CLI, 'decode', p], capture_output=True, check=True).stdout)['events'])
              for p in day2)
events = f"read_parquet('{EXTRA}/events/*/*.parquet', hive_partitioning = true)"
got_events = duckdb.sql(f'SELECT count(*) FROM {events}').fetchall()[0][0]
check(got_events == decoded, f'every event of the day is a row of events: {got_events} of {decoded}')
ids = duckdb.sql(f"SELECT count(*) FROM {events} WHERE type = 'BEGIN_CALL_EVENT' "
                 "AND fields['ConnectionCallID'] IS NOT NULL").fetchall()[0][0]
begins = duckdb.sql(f"SELECT count(*) FROM {events} WHERE type = 'BEGIN_CALL_EVENT'").fetchall()[0][0]
check(begins > 0 and ids == begins, f"the fields map answers fields['ConnectionCallID']: {ids} of {begins}")
with open(tcd, encoding='utf-8') as f:
    tcd_rows = sum(1 for line in f if line.strip()) - 1
legs = duckdb.sql(f"SELECT count(*), count(DISTINCT family) FROM read_parquet('{EXTRA}/legs/*/*.parquet')").fetchall()[0]
check(legs == (tcd_rows, 1), f'one leg per Termination_Call_Detail row: {legs[0]} of {tcd_rows}')
tcd_summary = json.loads(subprocess.run([CLI, 'summary', '--output', 'json', tcd], capture_output=True,
                                        check=True).stdout)
tcd_calls = duckdb.sql(f"SELECT count(*) FROM read_parquet('{EXTRA}/calls/*/*.parquet') "
                       "WHERE source_file LIKE '%tcd-ssms.csv'").fetchall()[0][0]
check(tcd_calls == tcd_summary['calls'], f"the export's calls: {tcd_calls} of {tcd_summary['calls']}")

# Spark: the job decodes the same folder inside its tasks and writes its own dataset.
import time  # noqa: E402

from pyspark.sql import SparkSession  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import spark_job  # noqa: E402

started = time.monotonic()
spark = (SparkSession.builder.master('local[2]').appName('cti-outcome test')
         .config('spark.ui.enabled', 'false').config('spark.ui.showConsoleProgress', 'false').config('spark.sql.session.timeZone', 'UTC').getOrCreate())
spark.sparkContext.setLogLevel('ERROR')
errors = spark_job.run(spark, CLI, LOGS, os.path.join(WORK, 'spark'))
check([os.path.basename(p) for p, _ in errors] == ['notes.txt'], f'Spark names the file that is no log: {errors}')
counted = spark.read.parquet(os.path.join(WORK, 'spark', 'calls')).groupBy('date', 'outcome').count().collect()
spark_counts = Counter({(str(r['date']), r['outcome']): r['count'] for r in counted})
spark.stop()
check(spark_counts == expected, f'Spark counts the same calls per day and outcome: {sum(spark_counts.values())}'
      + ('' if spark_counts == expected else f'; differ at {sorted(set(spark_counts.items()) ^ set(expected.items()))[:6]}'))
seconds = time.monotonic() - started
check(seconds < 180, f'the Spark part took {seconds:.0f} s (target under 3 minutes)')

shutil.rmtree(WORK)
sys.exit(1 if failures else 0)
