"""Where the EMB map puts its programmes, labels and lines: the same layout for the SVG of the
story (and its PDF) and for the interactive map, computed here so it is the same every time.

- The IDO (or else the best-connected programme) in the centre, its short name inside it.
- The other programmes on a circle, in the order with the fewest crossing lines and no line
  through a programme it does not connect (tried by swapping pairs, from the order by societal
  task and name: deterministic).
- Each label outside its circle, on the side away from the centre; the circle grows until no
  two labels overlap and no label covers a programme.
- Lines run from the edge of one circle to the edge of the other (two lines between the same
  pair run side by side).
"""

import math
from dataclasses import dataclass, field

NODE_R = 20  # radius of a programme on the circle
CENTRE_R = 28  # the IDO in the centre
FONT = 10.5  # label font size (px)
LINE = 12.5  # label line height
CHAR = 0.6 * FONT  # the width of an average character of DejaVu Sans / Noto Sans, generous
GAP = 5  # between a circle and its label, and around the drawing
CLEARANCE = 3  # a line keeps at least this far from a programme it does not connect
PARALLEL = 6  # between two lines that join the same two programmes


def wrap(text, width=16, lines=3) -> list[str]:
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    out.append(line)
    return out[:lines]


@dataclass
class Label:
    lines: list
    x: float  # where the text is anchored
    y: float  # the baseline of the first line
    anchor: str  # start, middle or end (SVG text-anchor)
    box: tuple  # (x0, y0, x1, y1)


@dataclass
class Placed:
    key: object
    x: float
    y: float
    r: float
    label: Label
    inside: bool = False  # the label is inside the circle (the centre)


@dataclass
class Line:
    source: object
    target: object
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass
class Layout:
    width: float
    height: float
    nodes: dict = field(default_factory=dict)  # key -> Placed
    lines: list = field(default_factory=list)  # Line, in the order of the edges given


def _crosses(order, edges) -> int:
    """Pairs of chords between ring programmes that cross (their ends interleave)."""
    index = {key: i for i, key in enumerate(order)}
    chords = [tuple(sorted((index[a], index[b]))) for a, b in edges if a in index and b in index and a != b]
    count = 0
    for i, (a, b) in enumerate(chords):
        for c, d in chords[i + 1 :]:
            if len({a, b, c, d}) == 4 and (a < c < b) != (a < d < b):
                count += 1
    return count


def _segment_distance(px, py, x1, y1, x2, y2) -> float:
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    t = 0 if not length else max(0, min(1, ((px - x1) * dx + (py - y1) * dy) / length))
    return math.hypot(px - (x1 + t * dx), py - (y1 + t * dy))


def _ring(order, radius, centre_key):
    positions = {centre_key: (0.0, 0.0)} if centre_key is not None else {}
    for i, key in enumerate(order):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(order), 1)
        positions[key] = (radius * math.cos(angle), radius * math.sin(angle))
    return positions


def _radius_of(key, centre_key):
    return CENTRE_R if key == centre_key else NODE_R


def _through_nodes(positions, edges, centre_key) -> int:
    """Lines that pass through a programme they do not connect."""
    count = 0
    for a, b in edges:
        (x1, y1), (x2, y2) = positions[a], positions[b]
        for key, (px, py) in positions.items():
            if key in (a, b):
                continue
            if _segment_distance(px, py, x1, y1, x2, y2) < _radius_of(key, centre_key) + CLEARANCE + PARALLEL:
                count += 1
    return count


def _cost(order, edges, radius, centre_key):
    return (_through_nodes(_ring(order, radius, centre_key), edges, centre_key), _crosses(order, edges))


def _best_order(order, edges, radius, centre_key):
    """Swap pairs while that lowers (lines through programmes, crossings); deterministic."""
    order = list(order)
    best = _cost(order, edges, radius, centre_key)
    for _pass in range(8):
        improved = False
        for i in range(len(order)):
            for j in range(i + 1, len(order)):
                order[i], order[j] = order[j], order[i]
                cost = _cost(order, edges, radius, centre_key)
                if cost < best:
                    best, improved = cost, True
                else:
                    order[i], order[j] = order[j], order[i]
        if not improved or best == (0, 0):
            break
    return order


def _label_for(x, y, r, text, *, outward):
    lines = wrap(text)
    width = max(len(line) for line in lines) * CHAR
    height = len(lines) * LINE
    if not outward:  # below the circle, centred
        top = y + r + GAP
        return Label(lines, x, top + FONT, "middle", (x - width / 2, top, x + width / 2, top + height))
    dx, dy = x, y
    length = math.hypot(dx, dy) or 1
    ux, uy = dx / length, dy / length
    if ux > 0.35:  # right side: text starts beside the circle
        left = x + r + GAP
        top = y - height / 2
        return Label(lines, left, top + FONT, "start", (left, top, left + width, top + height))
    if ux < -0.35:
        right = x - r - GAP
        top = y - height / 2
        return Label(lines, right, top + FONT, "end", (right - width, top, right, top + height))
    if uy < 0:  # top: above the circle
        top = y - r - GAP - height
    else:
        top = y + r + GAP
    return Label(lines, x, top + FONT, "middle", (x - width / 2, top, x + width / 2, top + height))


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _box_hits_circle(box, x, y, r) -> bool:
    nx, ny = max(box[0], min(x, box[2])), max(box[1], min(y, box[3]))
    return math.hypot(nx - x, ny - y) < r


def label_problems(layout: Layout) -> list:
    """Pairs of labels that overlap, and labels over a programme (the tests use this too)."""
    problems = []
    placed = list(layout.nodes.values())
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            if not a.inside and not b.inside and _overlap(a.label.box, b.label.box):
                problems.append(("labels overlap", a.key, b.key))
        for b in placed:
            if b is not a and not a.inside and _box_hits_circle(a.label.box, b.x, b.y, b.r):
                problems.append(("label over a programme", a.key, b.key))
    return problems


def line_problems(layout: Layout) -> list:
    """Lines that run through a programme they do not connect."""
    problems = []
    for line in layout.lines:
        for node in layout.nodes.values():
            if node.key in (line.source, line.target):
                continue
            if _segment_distance(node.x, node.y, line.x1, line.y1, line.x2, line.y2) < node.r + CLEARANCE:
                problems.append(("line through a programme", line.source, line.target, node.key))
    return problems


def layout(nodes, edges, *, centre=None, ring_order_key=None) -> Layout:
    """`nodes`: [(key, label)] in a stable order; `edges`: [(source key, target key)] (may
    repeat a pair); `centre`: the key of the programme in the middle (None: the one with the
    most connections). Coordinates in px, (0, 0) top left."""
    if not nodes:
        return Layout(2 * GAP, 2 * GAP)
    labels = dict(nodes)
    keys = [key for key, _label in nodes]
    degree = {key: 0 for key in keys}
    for a, b in edges:
        degree[a] += 1
        degree[b] += 1
    if centre is None or centre not in labels:
        centre = min(keys, key=lambda k: (-degree[k], keys.index(k)))
    ring = [k for k in keys if k != centre]
    if ring_order_key:
        ring.sort(key=ring_order_key)
    pairs = [(a, b) for a, b in edges if a != b]
    # The circle: room for the programmes side by side, then larger until the labels fit.
    radius = max(CENTRE_R + NODE_R + 50, (2 * NODE_R + 30) * len(ring) / (2 * math.pi))
    order = ring
    for _attempt in range(30):
        order = _best_order(ring, pairs, radius, centre) if len(ring) > 2 else ring
        positions = _ring(order, radius, centre)
        result = _place(positions, labels, centre, pairs)
        if not label_problems(result) and not _through_nodes(positions, pairs, centre):
            break
        radius *= 1.1
    return result


def _place(positions, labels, centre, edges) -> Layout:
    placed = {}
    for key, (x, y) in positions.items():
        if key == centre:
            text = labels[key]
            inside = len(text) <= 5
            label = (
                Label([text], x, y + FONT / 3, "middle", (x - CENTRE_R, y - FONT, x + CENTRE_R, y + FONT))
                if inside
                else _label_for(x, y, CENTRE_R, text, outward=False)
            )
            placed[key] = Placed(key, x, y, CENTRE_R, label, inside)
        else:
            placed[key] = Placed(key, x, y, NODE_R, _label_for(x, y, NODE_R, labels[key], outward=True))
    # Shift everything so the drawing, labels included, starts at (GAP, GAP).
    boxes = [(p.x - p.r, p.y - p.r, p.x + p.r, p.y + p.r) for p in placed.values()]
    boxes += [p.label.box for p in placed.values()]
    left, top = min(b[0] for b in boxes) - GAP, min(b[1] for b in boxes) - GAP
    right, bottom = max(b[2] for b in boxes) + GAP, max(b[3] for b in boxes) + GAP
    for p in placed.values():
        p.x, p.y = p.x - left, p.y - top
        b = p.label.box
        p.label.x, p.label.y = p.label.x - left, p.label.y - top
        p.label.box = (b[0] - left, b[1] - top, b[2] - left, b[3] - top)
    result = Layout(right - left, bottom - top, placed)
    seen = {}
    for a, b in edges:
        pair = frozenset((a, b))
        n = seen.get(pair, 0)
        seen[pair] = n + 1
        result.lines.append(_line(placed[a], placed[b], n))
    return result


def _line(a: Placed, b: Placed, n: int) -> Line:
    """From the edge of a's circle to the edge of b's; the n-th line of the same pair lies
    beside the first (alternating sides)."""
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1
    ux, uy = dx / length, dy / length
    shift = 0 if n == 0 else PARALLEL * ((n + 1) // 2) * (1 if n % 2 else -1)
    # perpendicular, the same for both directions of a pair (so the lines do not coincide)
    px, py = (-uy, ux) if (a.x, a.y) < (b.x, b.y) else (uy, -ux)
    ox, oy = px * shift, py * shift
    inset_a = math.sqrt(max(a.r * a.r - shift * shift, 0))
    inset_b = math.sqrt(max(b.r * b.r - shift * shift, 0))
    return Line(
        a.key,
        b.key,
        a.x + ox + ux * inset_a,
        a.y + oy + uy * inset_a,
        b.x + ox - ux * inset_b,
        b.y + oy - uy * inset_b,
    )
