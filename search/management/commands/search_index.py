from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.connection import EngineError, EngineUnavailable


class Command(BaseCommand):
    help = (
        "Rebuild the search indices with an atomic alias swap (--rebuild), compare them with the database document "
        "by document (--check), send what the outbox holds (--drain), or release the lock of a rebuild that died (--unlock)."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--rebuild", action="store_true", help="build new versioned indices and swap the aliases")
        action.add_argument("--check", action="store_true", help="compare ids and versions with the database and repair drift")
        action.add_argument("--drain", action="store_true", help="send what the outbox holds now")
        action.add_argument("--unlock", action="store_true", help="release the lock of a rebuild whose process died")
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
                elif options["unlock"]:
                    self.stdout.write(indexing.unlock(name))
                else:
                    self.write_check(name, indexing.check(name, repair=not options["dry_run"]), dry_run=options["dry_run"])
        except (indexing.RebuildRefused, indexing.RebuildRunning) as error:
            raise CommandError(str(error)) from None
        except (*EngineUnavailable, EngineError) as error:
            raise CommandError(f"The search engine did not answer ({type(error).__name__}). Is it running? Try `make services`.") from None

    def write_check(self, name: str, result: dict, *, dry_run: bool) -> None:
        drifted = result["missing"] or result["extra"] or result["stale"] or result["ahead"]
        state = "in step" if not drifted else ("out of step" if dry_run else "repaired")
        self.stdout.write(
            f"{name}: database {result['database']}, index {result['index']}, missing {len(result['missing'])}, "
            f"extra {len(result['extra'])}, stale {len(result['stale'])}, unversioned {len(result['ahead'])}: {state}"
        )
