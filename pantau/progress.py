"""What a person sees while a crawl runs and when it ends."""

from __future__ import annotations

from collections import Counter
from types import TracebackType

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from crawler import CrawlSummary


class CrawlProgress:
    """A live line per source: pages fetched and new articles so far."""

    def __init__(self, console: Console, enabled: bool = True) -> None:
        self.enabled = enabled and console.is_terminal
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TextColumn("{task.fields[pages]} pages, {task.fields[articles]} articles"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self.tasks: dict[str, int] = {}
        self.counts: Counter[tuple[str, str]] = Counter()

    def __enter__(self) -> CrawlProgress:
        if self.enabled:
            self.progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.enabled:
            self.progress.stop()

    def event(self, kind: str, source: str) -> None:
        self.counts[(kind, source)] += 1
        if not self.enabled:
            return
        if source not in self.tasks:
            self.tasks[source] = self.progress.add_task(source, total=None, pages=0, articles=0)
        self.progress.update(
            self.tasks[source],
            pages=self.counts[("page", source)],
            articles=self.counts[("article", source)],
        )


def print_crawl_summary(console: Console, summary: CrawlSummary) -> None:
    table = Table(title="Crawl finished", title_justify="left")
    table.add_column("source")
    table.add_column("pages", justify="right")
    table.add_column("new articles", justify="right")
    table.add_column("extraction failures", justify="right")
    table.add_column("errors")
    table.add_column("health")
    for name, st in sorted(summary.per_source.items()):
        errors = ", ".join(f"{k} {v}" for k, v in sorted(st.errors.items()))
        health = f"[red]BROKEN: {st.broken}[/red]" if st.broken else "ok"
        table.add_row(
            name, str(st.pages), str(st.new_articles), str(st.extraction_failures), errors, health
        )
    console.print(table)
    seconds = (summary.finished_at - summary.started_at).total_seconds()
    console.print(
        f"{summary.pages} pages, {summary.new_articles} new articles in {seconds:.1f} s"
        f" ({summary.finish_reason or 'finished'})"
    )
