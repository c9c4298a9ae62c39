"""The parts of the national data generator (`manage.py generate_national_data`).

Each app that has synthetic data to add at national scale registers a part (`register(...)`, from
its `AppConfig.ready`): its command-line options (`add_arguments(parser)`) and
`run(options, today=..., log=...) -> str`, which loads its rows and returns the one-line summary
the command prints. Parts run in their `order`: the organization tree and members before the
records that belong to them; `--parts` runs only the named ones.
"""

from collections.abc import Callable
from dataclasses import dataclass

from vanphong.core.registry import Ordered

PARTS = Ordered("generator part")


@dataclass(frozen=True)
class GeneratorPart:
    key: str
    label: object  # a lazy translation
    add_arguments: Callable
    run: Callable[..., str]
    order: int = 500


def register(part: GeneratorPart) -> GeneratorPart:
    if any(known.key == part.key and known != part for known in PARTS):
        raise ValueError(f"generator part {part.key!r} is registered twice")
    return PARTS.register(part, part.order)
