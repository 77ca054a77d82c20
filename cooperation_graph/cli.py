"""The `coopgraph` command: thin wrappers that parse options, call one library function each,
and turn the package's own errors into one-line messages with a non-zero exit."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import CooperationGraphError

DEFAULT_STORE = Path("output/store")


class _Group(click.Group):
    def invoke(self, ctx: click.Context):  # noqa: D401 - click API
        try:
            return super().invoke(ctx)
        except CooperationGraphError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coopgraph")
def main() -> None:
    """Turn Vietnamese news about cooperation between provinces into an RDF knowledge graph.

    \b
    Typical run on the bundled sample:
      coopgraph extract data/samples --format table
      coopgraph build data/samples
      coopgraph query queries/pairs.rq
      coopgraph view
    """


# === extract (foundation) ===

# === build / remove / export / validate (store) ===

# === query / serve (SPARQL) ===

# === view (HTML views) ===

# === eval (accuracy) ===


@main.command("eval")
@click.argument("eval_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--show-errors", is_flag=True, help="List the misses and extras of each article.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Floors file (default: EVAL_DIR/baseline.json).")
@click.option("--check", is_flag=True, help="Exit non-zero when a score is below its floor.")
@click.option("--update-baseline", is_flag=True, help="Raise the floors to the current scores.")
def eval_command(eval_dir: Path, fmt: str, show_errors: bool, baseline: Path | None,
                 check: bool, update_baseline: bool) -> None:
    """Score extraction against the gold facts of an evaluation folder.

    Prints precision, recall and F1 per fact type and micro-F1; floors in
    baseline.json may only go up.

    \b
    Example:
      coopgraph eval data/eval --show-errors
      coopgraph eval data/eval --format json > eval.json
      coopgraph eval data/eval --check
    """
    import json

    from . import evaluate as ev

    report = ev.evaluate(eval_dir)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.text(show_errors=show_errors))
    floors_path = baseline or eval_dir / ev.BASELINE_NAME
    if update_baseline:
        ev.update_baseline(report, floors_path)
        click.echo(f"floors raised where scores went up: {floors_path}", err=True)
    if check and floors_path.is_file():
        failed = ev.regressions(report, ev.load_baseline(floors_path))
        if failed:
            raise click.ClickException("below floor: " + "; ".join(failed))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
