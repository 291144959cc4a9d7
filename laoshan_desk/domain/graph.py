"""Prerequisite graphs: finding a cycle and naming it in the clerk's words.

A foundation module: the approval catalog and the reverse schedule both refuse a cycle with the
same message; any area with "A waits for B" edges may use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

__all__ = ["find_cycle", "cycle_message"]


def find_cycle(prerequisites: Mapping[str, Iterable[str]]) -> list[str] | None:
    """A prerequisite cycle as a closed list in working order (``[A, B, A]``: A before B before A).

    ``prerequisites`` maps each code to the codes it waits for; codes not in the mapping are
    ignored (they are met). Returns None when there is no cycle.
    """
    dependents: dict[str, list[str]] = {code: [] for code in prerequisites}
    for code, prereqs in prerequisites.items():
        for p in prereqs:
            if p in dependents:
                dependents[p].append(code)
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(dependents, white)
    for root in dependents:
        if colour[root] != white:
            continue
        # Iterative DFS: catalogs are small, but a deep chain should not hit the recursion limit.
        path: list[str] = [root]
        stack: list[Iterator[str]] = [iter(dependents[root])]
        colour[root] = grey
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                colour[path.pop()] = black
                stack.pop()
                continue
            if colour[nxt] == grey:
                return path[path.index(nxt) :] + [nxt]
            if colour[nxt] == white:
                colour[nxt] = grey
                path.append(nxt)
                stack.append(iter(dependents[nxt]))
    return None


def cycle_message(cycle: Sequence[str]) -> str:
    """``前置事项循环：A → B → A`` — the words the clerk sees for a cycle."""
    return "前置事项循环：" + " → ".join(cycle)
