#!/usr/bin/env python3
"""factcheck as a Spark mapper: the facts of a JSON Lines archive, extracted on a cluster.

    spark-submit examples/spark/extract.py INPUT OUTPUT_DIR [--partitions N]
    spark-submit examples/spark/extract.py --claims desk.claims INPUT OUTPUT_DIR

INPUT is JSON Lines articles ({"text": ..., "date": ..., "id": ...}; a file, a directory or a
glob, any Hadoop path). Each partition is piped through one `factcheck extract --jsonl -
--format json --keep-going` process (RDD.pipe), so OUTPUT_DIR holds exactly what the binary
prints on the same lines: one JSON object a fact, and one error record
({"version": 1, "error": ..., "article": ...}) for each line that is not an article (docs/batch.md).

With --claims FILE, each partition is checked instead (`factcheck check --jsonl -
--claims FILE --format json`): the claim file is shipped to the executors with
SparkContext.addFile (spark-submit --files does the same), and OUTPUT_DIR holds one JSON
report a partition.

The binary is $FACTCHECK, else `factcheck` on the PATH (of the executors: ship it with
`--files factcheck` and set FACTCHECK=./factcheck, see README.md).
"""

import argparse
import os
import shlex
import shutil
import sys

from pyspark import SparkContext, SparkFiles


def binary():
    """The factcheck binary: $FACTCHECK, else the PATH."""
    b = os.environ.get("FACTCHECK") or shutil.which("factcheck")
    if not b:
        sys.exit("factcheck not found: set FACTCHECK or put it on the PATH")
    return os.path.abspath(b) if os.path.exists(b) else b


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input")
    p.add_argument("output_dir")
    p.add_argument("--partitions", type=int, default=0,
                   help="repartition to N partitions (default: as read)")
    p.add_argument("--claims", help="check against this claim file instead of extracting")
    args = p.parse_args()

    sc = SparkContext.getOrCreate()
    exe = binary()
    # Lines keep their order inside a partition; RDD.pipe feeds them to the process's stdin.
    lines = sc.textFile(args.input)
    if args.partitions:
        lines = lines.repartition(args.partitions)
    if args.claims:
        sc.addFile(args.claims)
        name = os.path.basename(args.claims)

        def check(part):
            import subprocess
            data = "".join(line + "\n" for line in part).encode()
            cmd = [exe, "check", "--no-config", "--keep-going", "--format", "json",
                   "--claims", SparkFiles.get(name), "--jsonl", "-"]
            out = subprocess.run(cmd, input=data, stdout=subprocess.PIPE).stdout
            yield out.decode().strip()

        out = lines.mapPartitions(check)
    else:
        cmd = [exe, "extract", "--jsonl", "-", "--format", "json", "--keep-going"]
        # Exit code 2 (a partition without one readable article) is not a failure of the job:
        # its error records are the output.
        out = lines.pipe(" ".join(shlex.quote(c) for c in cmd), checkCode=False)
    out.saveAsTextFile(args.output_dir)
    sc.stop()


if __name__ == "__main__":
    main()
