from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.connection import EngineError, EngineUnavailable


class Command(BaseCommand):
    help = "Rebuild the search indices with an atomic alias swap (--rebuild), or compare them with the database (--check)."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--rebuild", action="store_true", help="build new versioned indices and swap the aliases")
        action.add_argument("--check", action="store_true", help="compare ids and counts with the database and repair drift")
        action.add_argument("--drain", action="store_true", help="send what the outbox holds now")
        parser.add_argument("--index", choices=indexing.INDEXES, help="only this index (default: both)")
        parser.add_argument(
            "--max-drop", type=float, default=0.2, help="refuse to swap if the count falls by more than this share (0.2 = 20%%)"
        )
        parser.add_argument("--dry-run", action="store_true", help="with --check: report drift without repairing it")

    def handle(self, *args, index=None, **options):
        names = [index] if index else list(indexing.INDEXES)
        try:
            if options["drain"]:
                self.stdout.write(str(indexing.drain_outbox()))
                return
            for name in names:
                if options["rebuild"]:
                    result = indexing.rebuild(name, max_drop=options["max_drop"])
                    self.stdout.write(
                        f"{name}: {result['documents']} documents in {result['index']} "
                        f"(database {result['expected']}, previously {result['previous']}, repaired {result['repaired']})"
                    )
                else:
                    result = indexing.check(name, repair=not options["dry_run"])
                    state = "in step" if not (result["missing"] or result["extra"]) else (
                        "repaired" if not options["dry_run"] else "out of step"
                    )
                    self.stdout.write(
                        f"{name}: database {result['database']}, index {result['index']}, "
                        f"missing {len(result['missing'])}, extra {len(result['extra'])}: {state}"
                    )
        except indexing.RebuildRefused as error:
            raise CommandError(str(error)) from None
        except (*EngineUnavailable, EngineError) as error:
            raise CommandError(f"The search engine did not answer ({type(error).__name__}). Is it running? Try `make services`.") from None
