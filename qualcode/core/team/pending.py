"""Actions kept while the team server is unreachable, replayed in order when it is back.

The user's action is never dropped: an operation that fails with ConnectionLost is
queued, the loss is reported once (however many actions fail meanwhile), and
:meth:`PendingActions.retry` replays the queue once the server answers again.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from qualcode.core.errors import ConnectionLost


@dataclass
class Pending:
    label: str
    action: Callable[[], Any]


class PendingActions:
    def __init__(
        self,
        on_lost: Callable[[str], None] | None = None,
        on_back: Callable[[int], None] | None = None,
    ) -> None:
        self._queue: deque[Pending] = deque()
        self._lock = threading.Lock()
        self._on_lost = on_lost or (lambda _message: None)
        self._on_back = on_back or (lambda _count: None)
        self.lost = False

    def __len__(self) -> int:
        return len(self._queue)

    def run(self, label: str, action: Callable[[], Any]) -> Any:
        """Run ``action`` now; when the server is gone, keep it for later and return None.

        While earlier actions wait, later ones queue behind them so the order holds.
        """
        with self._lock:
            if self._queue:
                self._queue.append(Pending(label, action))
                return None
        try:
            return action()
        except ConnectionLost as exc:
            with self._lock:
                self._queue.append(Pending(label, action))
            self._report(str(exc))
            return None

    def retry(self) -> bool:
        """Replay what waits, in order; True once nothing is left."""
        done = 0
        while True:
            with self._lock:
                if not self._queue:
                    break
                head = self._queue[0]
            try:
                head.action()
            except ConnectionLost:
                return False
            with self._lock:
                self._queue.popleft()
            done += 1
        if self.lost:
            self.lost = False
            self._on_back(done)
        return True

    def _report(self, message: str) -> None:
        if not self.lost:  # once per outage: no storm of messages
            self.lost = True
            self._on_lost(message)
