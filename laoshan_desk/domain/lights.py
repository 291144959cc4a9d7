"""Warning lights (亮灯提醒) shared by every tab: green on track, yellow near the node, red late.

Each area decides *when* a light turns (schedule nodes, appeal clocks, preservation terms); this
module only names the lights and how the screens and reports spell them.
"""

from __future__ import annotations

import enum


class Light(str, enum.Enum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    GREY = "grey"  # finished, not scheduled, or no clock running

    @property
    def label(self) -> str:
        return {"green": "正常", "yellow": "临期", "red": "超期", "grey": "—"}[self.value]

    @property
    def rgb(self) -> str:
        """Hex colour used by delegates, PDFs and Excel fills alike."""
        return {"green": "2E9D46", "yellow": "E6A700", "red": "D6322F", "grey": "9E9E9E"}[self.value]


def worst(lights: list[Light]) -> Light:
    """The most urgent light of several (a project shows its worst item)."""
    order = [Light.RED, Light.YELLOW, Light.GREEN, Light.GREY]
    for light in order:
        if light in lights:
            return light
    return Light.GREY
