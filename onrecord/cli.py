"""The command line: a thin Typer shell over onrecord's functions.

Every command parses its options, calls one library function and prints what it
returns; ``OnRecordError`` becomes a one-line message and exit code 1.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from .errors import OnRecordError

app = typer.Typer(
    help="onrecord: who said what, about whom, and what became of it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True)


def _fail(message: str) -> typer.Exit:
    from .cli_text import shown  # file names and messages may hold [brackets] and control characters

    err.print(f"[bold red]error:[/] {shown(message)}", highlight=False, soft_wrap=True)  # one line, even piped
    return typer.Exit(1)


def _guarded(run, *args, **kwargs):
    """``run(*args, **kwargs)``, its OnRecordError turned into the CLI's error message and exit."""
    try:
        return run(*args, **kwargs)
    except OnRecordError as e:
        raise _fail(str(e)) from None


MethodOption = Annotated[str, typer.Option("--method", metavar="model|encoder|cnn|rules", help="model: quote marks by the rules, all other attributions by a fine-tuned three-layer MiniLM (models/attribution); encoder: the same with two six-layer MiniLMs averaged (models/encoder; a little more accurate, slower); cnn: a CNN tagger in the MiniLM's place (models/cnn; less accurate, one core); rules: the rules alone (faster, blind to most reported speech).")]
ConfidenceOption = Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, metavar="T", help="Keep only statements whose confidence is T or more (0-1; the trade-off on PolNeAR dev is in models/attribution/README.md).")]


@app.command()
def extract(
    source: Annotated[Optional[str], typer.Argument(metavar="FILE|URL|-", help="One article: a text or HTML file, an http(s) URL, or - for standard input.", show_default=False)] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", metavar="table|json", help="Output for one article: table (default) or json.", show_default=False)] = None,
    jsonl: Annotated[Optional[str], typer.Option("--jsonl", metavar="IN.jsonl", help="Extract every line of this JSONL file ({\"id\", \"text\"} per line; - for standard input) into one JSON result line each, in order.", show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="OUT.jsonl", help="With --jsonl: write the result lines to this file instead of standard output.", show_default=False)] = None,
    processes: Annotated[int, typer.Option("--processes", "-p", min=1, metavar="N", help="With --jsonl: extract in N worker processes (each loads the model once); output order is kept.")] = 1,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow fetching URLs on private, loopback or link-local addresses (refused by default).")] = False,
    with_text: Annotated[bool, typer.Option("--with-text", help="JSON output: add the article \"text\" the offsets refer to (for HTML input, the text extracted from the page).")] = False,
    method: MethodOption = "model",
    min_confidence: ConfidenceOption = 0.0,
) -> None:
    """Find every quotation in one article, with its cue, source and resolved speaker; or in every line of a JSONL file."""
    from .cli_extract import print_json, print_summary, print_table, run_jsonl

    if (source is None) == (jsonl is None):
        raise _fail("give one article (FILE, URL or -) or --jsonl FILE, not both or neither.")
    if jsonl is not None:
        if fmt not in (None, "json"):
            raise _fail("--jsonl always writes JSON lines: leave out --format.")
        try:
            summary = run_jsonl(jsonl, output, processes, err, with_text=with_text, method=method, min_confidence=min_confidence)
        except OnRecordError as e:
            raise _fail(str(e)) from None
        print_summary(summary, err)
        if summary.documents and not summary.extracted:
            raise _fail(f"none of the {summary.documents:,} lines of {jsonl} could be extracted.")
        return
    if output is not None or processes != 1:
        raise _fail("--output and --processes go with --jsonl; for one article, redirect the output.")
    if fmt not in (None, "table", "json"):
        raise _fail(f"unknown format {fmt!r}: choose table or json.")
    from .extract import extract_articles
    from .ingest import read_article

    try:
        article = read_article(source, allow_private=allow_private)
        extraction = next(extract_articles([article], method=method)).confident(min_confidence)
    except OnRecordError as e:
        raise _fail(str(e)) from None
    if fmt == "json":
        print_json(extraction, out, with_text=with_text)
    else:
        print_table(extraction, out)


@app.command("eval")
def eval_(
    gold: Annotated[Optional[Path], typer.Argument(metavar="GOLD", help="Gold: a PolNeAR split folder (text/, attributions/; first annotator per metadata.tsv) or a JSONL file of {\"id\", \"text\", \"quotes\"} lines. With --statements: a statement label file (default: the labelled development set in onrecord/statements/labels/).", show_default=False)] = None,
    pred: Annotated[Optional[Path], typer.Option("--pred", metavar="PRED.jsonl", help="Score this JSONL of onrecord extraction output (matched by doc_id) instead of running extraction.", show_default=False)] = None,
    errors: Annotated[Optional[Path], typer.Option("--errors", metavar="FILE.jsonl", help="Write every missed, spurious, wrong-speaker and kind-mismatch quote (matched at 0.3 coverage) to this JSONL file; with --statements, every wrong type and every missed or spurious link.", show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="table|json", help="Output: table (default) or json.")] = "table",
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, metavar="N", help="Score only the first N gold documents (in name order).", show_default=False)] = None,
    statements: Annotated[bool, typer.Option("--statements", help="Score statement types, targets and links on the labelled development set instead (see docs/statements.md).")] = False,
    pipeline: Annotated[bool, typer.Option("--pipeline", help="With --statements: type the statements extraction finds (matched to labelled ones) rather than the labelled statements.")] = False,
    split: Annotated[Optional[str], typer.Option("--split", metavar="tune|heldout", help="With --statements: score only this part of the labelled set.", show_default=False)] = None,
    agreement: Annotated[bool, typer.Option("--agreement", help="GOLD is the PolNeAR folder (with metadata.tsv): score its annotators against one another on the articles they all labelled, and onrecord against each.")] = False,
    method: MethodOption = "model",
    min_confidence: ConfidenceOption = 0.0,
) -> None:
    """Score extraction against annotated news: role, quote and speaker-mention scores (see docs/evaluation.md); with --statements, statement types and links (docs/statements.md)."""
    from .cli_eval import run_attribution_eval

    if fmt not in ("table", "json"):
        raise _fail(f"unknown format {fmt!r}: choose table or json.")
    if statements:
        from .cli_statements import run_statement_eval

        if agreement:
            raise _fail("--agreement and --statements are two different scores: choose one.")
        if method != "model" and not pipeline:
            raise _fail("--method chooses the extraction: with --statements it goes with --pipeline (the labelled statements are typed as given otherwise).")
        return _guarded(run_statement_eval, gold, pipeline=pipeline, split=split, fmt=fmt, errors=errors, console=out,
                        method=method)
    if gold is None:
        raise _fail("give GOLD: a PolNeAR split folder or a JSONL file (or use --statements).")
    if agreement:
        from .cli_eval import run_agreement

        if pred or errors or limit or min_confidence or pipeline or split:
            raise _fail("--agreement scores the annotators' own labels: it takes no --pred, --errors, --limit, "
                        "--min-confidence, --pipeline or --split.")
        return _guarded(run_agreement, gold, method=method, fmt=fmt, console=out)
    if pipeline or split:
        raise _fail("--pipeline and --split go with --statements.")
    if pred and (method != "model" or min_confidence):
        raise _fail("--method and --min-confidence choose how eval runs extraction; with --pred it scores the file as it is.")
    _guarded(run_attribution_eval, gold, pred=pred, errors=errors, fmt=fmt, limit=limit, method=method,
             min_confidence=min_confidence, console=out, err_console=err)


@app.command()
def train(
    data: Annotated[Path, typer.Option("--data", metavar="DIR", help="PolNeAR: the folder holding train/ and dev/ (and metadata.tsv). The model learns from train only; dev picks the epoch.")] = Path("../shared/data/polnear"),
    out: Annotated[Optional[Path], typer.Option("--out", metavar="DIR", help="Where to write the model and its card (README.md) [default: models/attribution, models/encoder or models/cnn, as --method says].", show_default=False)] = None,
    method: Annotated[str, typer.Option("--method", metavar="model|encoder|cnn", help="Which model: model, the default's three-layer encoder; encoder, the accurate mode's two six-layer members; cnn, the CNN tagger. The encoders need torch (pip install -e .[train]).")] = "model",
    device: Annotated[str, typer.Option("--device", metavar="cpu|cuda", help="For the encoders: where torch trains (on 2 CPU cores about 15 min an epoch for three layers, 30 for six; seconds on a GPU).")] = "cpu",
    epochs: Annotated[Optional[int], typer.Option("--epochs", min=1, metavar="N", help="Passes over train, for each member of an ensemble (default: the shipped model's settings).", show_default=False)] = None,
    seed: Annotated[int, typer.Option("--seed", metavar="N", help="Random seed (shuffling and initial weights).")] = 0,
    pointer: Annotated[float, typer.Option("--pointer", min=0.0, metavar="W", help="For the encoders: also learn the content pointer, its loss weighed W beside the tags' (0: none, as the shipped models; docs/extraction.md).")] = 0.0,
    layers: Annotated[Optional[int], typer.Option("--layers", min=1, max=6, metavar="N", help="For the encoders: how many of the base model's six layers to keep and fine-tune (default: the shipped model's, 3 for model and 6 for encoder; more is slower; docs/evaluation.md).", show_default=False)] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, metavar="N", help="Use only the first N articles of train and of dev (a quick check, not a model to ship).", show_default=False)] = None,
    cache: Annotated[Optional[Path], typer.Option("--cache", metavar="DIR", help="Keep the spaCy parses of train and dev here, so a second run skips parsing (about 3 min).", show_default=False)] = Path("build/attribution-cache"),
    decode_only: Annotated[bool, typer.Option("--decode-only", help="Train nothing: choose the decode weights of the model already in --out on dev again, fit its confidence calibration, and rewrite its config.json and card (about 3 min).")] = False,
) -> None:
    """Train an attribution model (by default the one extraction uses) on PolNeAR train and write it with its model card."""
    from .cli_train import redecode_report, train_settings

    if method not in ("model", "encoder", "cnn"):
        raise _fail(f"Unknown --method {method!r}: use model, encoder or cnn.")
    if (pointer or layers) and method == "cnn":
        raise _fail(f"{'--pointer' if pointer else '--layers'} is for the encoders (--method model or encoder); the CNN has none.")
    if decode_only:
        try:
            return redecode_report(data, out, method, limit, cache, err)
        except OnRecordError as e:
            raise _fail(str(e)) from None
    encoder = method != "cnn"
    if encoder:
        from .learned.encoder_train import train_encoder as run
    else:
        from .learned.train import train as run
    from .learned import FOLDERS

    out = out or Path("models") / FOLDERS[method]
    settings, plan = train_settings(method, seed, epochs, pointer, layers)
    err.print(f"parsing and training on {data}/train ({plan}) ...", highlight=False)
    try:
        run(data, out, settings, limit=limit, cache=cache, on_epoch=lambda e: err.print(
            f"epoch {e.epoch:>2}  loss {e.loss:.4f}  {e.seconds:>6.1f} s  dev exact F1: source {e.dev['source']}  "
            f"cue {e.dev['cue']}  content {e.dev['content']}", highlight=False, soft_wrap=True),
            **({"device": device, "method": method} if encoder else {}))
    except OnRecordError as e:
        raise _fail(str(e)) from None
    err.print(f"wrote {out}/ (model card: {out}/README.md)", highlight=False)


# -- the record: ingest, search, who, people, failures (helpers in cli_record.py) ----------
DbOption = Annotated[str, typer.Option("--db", envvar="ONRECORD_DB", metavar="URL", help="The record: a SQLite file (default onrecord.db) or postgresql://user@host:port/dbname; also $ONRECORD_DB.")]
FormatOption = Annotated[str, typer.Option("--format", "-f", metavar="table|json|csv", help="Output format: table, json or csv.")]
TableJsonOption = Annotated[str, typer.Option("--format", "-f", metavar="table|json", help="Output format: table or json.")]


def _open(db: str, existing: bool = False):
    from .record import open_store

    try:
        return open_store(db, existing=existing)
    except OnRecordError as e:
        raise _fail(str(e)) from None


@contextmanager
def _record(db: str):
    """The open record (it must exist) for one command; its OnRecordError becomes the one-line CLI error."""
    with _open(db, existing=True) as store:
        try:
            yield store
        except OnRecordError as e:
            raise _fail(str(e)) from None


def _check_format(fmt: str, allowed: tuple[str, ...] = ("table", "json", "csv")) -> None:
    if fmt not in allowed:
        raise _fail(f"unknown format {fmt!r}: choose {', '.join(allowed)}.")


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(metavar="SOURCE...", help="Files (.txt, .html, .jsonl, .warc, .warc.gz), folders (read recursively) and http(s) URLs.", show_default=False)],
    db: DbOption = "onrecord.db",
    processes: Annotated[int, typer.Option("--processes", "-p", min=1, metavar="N", help="Extract in N worker processes (each loads the model once); articles are stored in input order.")] = 1,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow fetching URLs on private, loopback or link-local addresses (refused by default).")] = False,
) -> None:
    """Extract and store articles in the record: already stored ones are skipped, changed ones stored as new versions, bad ones listed by `onrecord failures`."""
    from .cli_record import count_articles, ingest_progress, print_ingest_summary
    from .ingest import iter_articles

    store = _open(db)
    try:
        with ingest_progress(err, count_articles(sources)) as progress:
            summary = store.ingest(iter_articles(sources, allow_private=allow_private),
                                   processes=processes, progress=progress)
    except OnRecordError as e:
        raise _fail(str(e)) from None
    except KeyboardInterrupt:
        err.print("interrupted: what was stored is kept; run the same command again to finish.")
        raise typer.Exit(130) from None
    finally:
        store.close()
    print_ingest_summary(summary, err)
    if summary.read and summary.failed == summary.read:
        raise _fail(f"none of the {summary.read:,} inputs could be ingested: see `onrecord failures`.")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in quotes: words (all must match), \"a phrase\", OR, -word to exclude. Empty (\"\") lists by the filters alone.")],
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Only statements by this person or organisation (a name, alias or #id).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", metavar="YYYY-MM-DD", help="Only articles published on or after this date.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", metavar="YYYY-MM-DD", help="Only articles published on or before this date.")] = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only articles from this outlet (case-insensitive).")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", metavar="direct|mixed|indirect", help="Only this kind of quote.")] = None,
    type_: Annotated[Optional[str], typer.Option("--type", "-t", metavar="TYPE", help="Only statements of this type: claim, support, criticism, denial, apology, retraction, commitment, no_comment.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000, help="Show at most this many statements (newest first).")] = 20,
    page: Annotated[int, typer.Option("--page", min=1, help="Which page of --limit results to show.")] = 1,
    fmt: FormatOption = "table",
    db: DbOption = "onrecord.db",
) -> None:
    """Search the record's quotes: speaker, article title, date and a highlighted snippet, newest first."""
    from .cli_record import print_hits

    _check_format(fmt)
    with _record(db) as store:
        hits = store.search(query, speaker=speaker, since=since, until=until, outlet=outlet, kind=kind, type=type_,
                            limit=limit, offset=(page - 1) * limit)
        if speaker and not hits:
            from .record.query import require_person

            require_person(store, speaker)  # no one by that name: say so, as `who` does, not "0 statements"
    print_hits(hits, fmt, out)


@app.command()
def who(
    name: Annotated[str, typer.Argument(help="A person's or organisation's name, an alias, or #id.")],
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=1, help="Show at most this many statements (the earliest first).")] = None,
    fmt: TableJsonOption = "table",
    db: DbOption = "onrecord.db",
) -> None:
    """Who is this: aliases, roles and affiliations as seen (when, where), and their statements in time order."""
    from .cli_record import print_person

    _check_format(fmt, ("table", "json"))
    with _record(db) as store:
        record = store.who(name, limit=limit)
    print_person(record, fmt, out)


@app.command()
def timeline(
    name: Annotated[str, typer.Argument(help="A person's or organisation's name, an alias, or #id.")],
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="table|json", help="Output format: table (a tree) or json.")] = "table",
    db: DbOption = "onrecord.db",
) -> None:
    """A person's statements in time order, with the reactions each drew and any retraction or apology (see docs/statements.md)."""
    from .cli_timeline import print_timeline
    from .record.timeline import timeline as person_timeline

    _check_format(fmt, ("table", "json"))
    with _record(db) as store:
        found = person_timeline(store, name)
    print_timeline(found, fmt, out)


people_app = typer.Typer(help="People and organisations on record: list them, and correct the record (merge, split).", no_args_is_help=True)
app.add_typer(people_app, name="people")


@people_app.command("list")
def people_list(
    query: Annotated[Optional[str], typer.Option("--query", "-q", help="Only people whose name or alias matches this.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many, most statements first.")] = 50,
    fmt: TableJsonOption = "table",
    db: DbOption = "onrecord.db",
) -> None:
    """List people and organisations, most statements first."""
    from .cli_record import print_people

    _check_format(fmt, ("table", "json"))
    with _record(db) as store:
        print_people(store.people(query, limit=limit), fmt, out)


@people_app.command("merge")
def people_merge(
    keep: Annotated[str, typer.Argument(help="The person to keep (name, alias or #id).")],
    other: Annotated[str, typer.Argument(help="The person to merge into it (name, alias or #id).")],
    db: DbOption = "onrecord.db",
) -> None:
    """Merge two people who are one: OTHER's mentions move to KEEP, also when articles are ingested again."""
    with _record(db) as store:
        person = store.merge(keep, other)
    out.print(f"merged into #{person.id} {person.name}: {person.statements} statements, {person.mentions} mentions")


@people_app.command("split")
def people_split(
    person: Annotated[str, typer.Argument(help="The person to split (name, alias or #id).")],
    names: Annotated[list[str], typer.Argument(metavar="NAME...", help="The mentions called NAME move to a new person, kept apart from PERSON from now on.")],
    db: DbOption = "onrecord.db",
) -> None:
    """Split mentions of someone else out of a person: they become a new person, also when articles are ingested again."""
    with _record(db) as store:
        new = store.split(person, names)
    out.print(f"split off #{new.id} {new.name}: {new.statements} statements, {new.mentions} mentions")


@app.command()
def relink(
    fmt: TableJsonOption = "table",
    db: DbOption = "onrecord.db",
) -> None:
    """Derive every link across articles again (reacts_to, retracts, apologises_for, same_quote): after upgrading onrecord, for a record written by an older version."""
    from .cli_record import print_relink, step_progress

    _check_format(fmt, ("table", "json"))
    try:
        with _record(db) as store, step_progress(err, "relinking") as progress:
            summary = store.relink(progress)
    except KeyboardInterrupt:
        err.print("interrupted: the articles relinked so far keep their new links; run it again to finish.")
        raise typer.Exit(130) from None
    print_relink(summary, fmt, out)


@app.command()
def failures(
    fmt: TableJsonOption = "table",
    db: DbOption = "onrecord.db",
) -> None:
    """List the inputs ingest could not read or extract, with the reason; a later successful ingest removes them."""
    from .cli_record import print_failures

    _check_format(fmt, ("table", "json"))
    with _open(db, existing=True) as store:
        print_failures(store.failures(), fmt, out)


@app.command()
def export(
    output: Annotated[str, typer.Argument(metavar="OUT.jsonl", help="The file to write (replaced whole, once the export is complete), or - for standard output.")],
    all_versions: Annotated[bool, typer.Option("--all-versions", help="Every stored version of each article, not only the current one.")] = False,
    db: DbOption = "onrecord.db",
) -> None:
    """Write the record as JSONL, one article per line with its statements, speakers, types, targets and links; `onrecord ingest` reads the file back."""
    from .cli_record import step_progress, write_jsonl

    with _record(db) as store, step_progress(err, "exporting") as progress:
        written = write_jsonl(store.export(all_versions, progress), output)
    err.print(f"wrote {written:,} article(s) to {'standard output' if output == '-' else output}", highlight=False)


@app.command()
def serve(
    db: Annotated[Optional[str], typer.Option("--db", metavar="URL", help="The record: a SQLite file or postgresql://user@host:port/dbname (default: $ONRECORD_DB, the settings file, else onrecord.db).", show_default=False)] = None,
    host: Annotated[Optional[str], typer.Option("--host", help="Address to listen on (default 127.0.0.1: this machine only).", show_default=False)] = None,
    port: Annotated[Optional[int], typer.Option("--port", min=1, max=65535, help="Port to listen on (default 8000).", show_default=False)] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, max=64, help="Server processes, e.g. one per core (default 1; each keeps its own store connections and /api/extract rate limits).", show_default=False)] = None,
) -> None:
    """Serve the web pages and the REST API over the record (docs at /docs); writes need $ONRECORD_API_TOKEN."""
    import uvicorn

    from .settings import load_settings
    from .web import create_app

    try:
        settings = load_settings(db=db, host=host, port=port, workers=workers)
        web_app = create_app(settings)
    except OnRecordError as e:
        raise _fail(str(e)) from None
    writes = "open to bearer-token holders" if settings.api_token else "closed (set ONRECORD_API_TOKEN to open them)"
    err.print(f"onrecord: serving {settings.db} on http://{settings.host}:{settings.port} "
              f"(API docs at /docs; writes {writes}; {settings.workers} process(es))", highlight=False)
    if settings.workers == 1:
        uvicorn.run(web_app, host=settings.host, port=settings.port, log_level="warning")
        return
    web_app.state.pool.close()  # checked above; each worker process opens its own
    from .cli_serve import serve_workers

    serve_workers(settings)


# -- archives: batch (local or Spark) and load (library in onrecord/batch/) ---------------
@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT...", help="JSONL, WARC (.warc, .warc.gz), Parquet, text or HTML files, or folders of them; with Spark also hdfs://, s3a://… paths.", show_default=False)],
    output: Annotated[str, typer.Argument(metavar="OUTPUT", help="The folder to write articles/ and statements/ to, as Parquet partitioned by month (new or empty; with Spark also hdfs://, s3a://…).", show_default=False)],
    engine: Annotated[str, typer.Option("--engine", "-e", metavar="local|spark", help="local: a process pool on this machine; spark: Spark (pip install 'onrecord\\[spark]', Java 17+).")] = "local",
    master: Annotated[Optional[str], typer.Option("--master", metavar="URL", help="With --engine spark: the Spark master (local[2], spark://host:7077, yarn); default: spark-submit's, else local[*].", show_default=False)] = None,
    processes: Annotated[int, typer.Option("--processes", "-p", min=1, metavar="N", help="With --engine local: extract in N worker processes (each loads the model once).")] = 1,
    partitions: Annotated[Optional[int], typer.Option("--partitions", min=1, metavar="N", help="With --engine spark: spread the articles over N partitions (default: 4 per core).", show_default=False)] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace the articles/ and statements/ already in the output folder.")] = False,
) -> None:
    """Extract an archive into Parquet (one row per article, one per statement) with a process pool or Spark; load it with `onrecord load`."""
    if engine not in ("local", "spark"):
        raise _fail(f"unknown engine {engine!r}: choose local or spark.")
    if engine == "local" and (master or partitions):
        raise _fail("--master and --partitions go with --engine spark.")
    if engine == "spark" and processes != 1:
        raise _fail("--processes goes with --engine local; with Spark, set the cores with --master (local[N]).")
    try:
        if engine == "spark":
            from .batch.spark import run_spark

            summary = run_spark(inputs, output, master=master, partitions=partitions, overwrite=overwrite)
        else:
            from .batch.local import run_local

            summary = run_local(inputs, output, processes=processes, overwrite=overwrite)
    except OnRecordError as e:
        raise _fail(str(e)) from None
    err.print(f"batch ({summary.engine}): {summary.articles:,} articles from {summary.files:,} files, "
              f"{summary.errors:,} errors, {summary.statements:,} statements in {summary.seconds:.1f} s "
              f"({summary.rate:.1f} articles/s) → {summary.output}", highlight=False)
    if summary.errors:
        err.print(f"{summary.errors:,} failed: the reasons are in the error column of {summary.output}/articles "
                  "(`onrecord load` lists them in `onrecord failures`).", highlight=False)
    if summary.errors and summary.errors == summary.articles:
        raise _fail(f"none of the {summary.articles:,} articles could be extracted.")


@app.command()
def load(
    output: Annotated[str, typer.Argument(metavar="FOLDER", help="The output folder of `onrecord batch` (holding articles/ and statements/).", show_default=False)],
    db: DbOption = "onrecord.db",
) -> None:
    """Load a batch run's Parquet into the record (idempotent: what is on record is skipped) and link speakers to people across articles."""
    from .batch.load import check_output, load as load_output
    from .cli_record import step_progress

    try:
        check_output(output)  # before the record is opened: a wrong folder creates no empty record
    except OnRecordError as e:
        raise _fail(str(e)) from None
    store = _open(db)
    try:
        with step_progress(err, "loading") as progress:
            summary = load_output(output, store, progress)
    except OnRecordError as e:
        raise _fail(str(e)) from None
    finally:
        store.close()
    err.print(f"load: {summary.articles:,} articles: {summary.stored:,} stored, {summary.replaced:,} new versions, "
              f"{summary.skipped:,} already on record, {summary.failed:,} failures, {summary.quotes:,} quotes, "
              f"in {summary.seconds:.1f} s ({summary.rate:.1f} articles/s)", highlight=False)


def main() -> None:
    # warcio logs what it repairs in a record ("Replacing spaces in invalid WARC-Target-URI")
    # straight over the progress bar; what the user must know is reported per article instead.
    logging.getLogger("warcio").setLevel(logging.ERROR)
    try:
        app()
    except Exception as e:  # what the library leaves to the system: a full disk, a read-only record
        from .cli_errors import system_error_message

        if (message := system_error_message(e)) is None:
            raise
        raise SystemExit(_fail(message).exit_code) from None


if __name__ == "__main__":
    main()
