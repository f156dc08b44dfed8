"""One beat at a time: the scheduler sends periodic tasks only while it holds a lock in Redis.

Two beats started by mistake (two `celery beat`, or a beat beside a `worker --beat`) would send every periodic
job twice. With this scheduler (CELERY_BEAT_SCHEDULER) the one that takes the lock sends and keeps the lock alive
at every tick; the other stands by. A standby beat still steps through the schedule, marking each job as run
without sending it, so when it takes over it does not send again what the first one sent. A beat that stops
releases the lock and a standby takes over at its next tick; one that is killed leaves the lock to expire
(LOCK_SECONDS): jobs due in that time are skipped, never doubled, and each catches up at its next run.
"""

import logging
import time

from celery.beat import PersistentScheduler
from redis import Redis
from redis.exceptions import LockError, RedisError

logger = logging.getLogger(__name__)

LOCK_KEY = "skills-site:celery-beat"
# Longer than beat's longest sleep between ticks (CELERY_BEAT_MAX_LOOP_INTERVAL), so a live beat never loses it.
LOCK_SECONDS = 60
# How often the lock is confirmed while ticks come thick and fast (several jobs due at once).
CHECK_EVERY = 1.0


class SingleBeatScheduler(PersistentScheduler):
    def __init__(self, *args, **kwargs):
        self._lock = None
        self._leading = False
        self._checked_at = float("-inf")
        super().__init__(*args, **kwargs)

    @property
    def beat_lock(self):
        if self._lock is None:
            redis = Redis.from_url(self.app.conf.broker_url, socket_timeout=5, socket_connect_timeout=5)
            self._lock = redis.lock(LOCK_KEY, timeout=LOCK_SECONDS, blocking=False, thread_local=False)
        return self._lock

    def leads(self) -> bool:
        """Hold the lock (take it, or renew it); False if another beat holds it or Redis cannot be reached."""
        now = time.monotonic()
        if now - self._checked_at < CHECK_EVERY:
            return self._leading
        self._checked_at = now
        was_leading = self._leading
        try:
            if was_leading:
                self.beat_lock.reacquire()
                self._leading = True
            else:
                self._leading = self.beat_lock.acquire()
        except (LockError, RedisError) as error:  # lost to another beat after a stall, or Redis is down
            logger.warning("Beat could not hold its lock (%s): standing by", type(error).__name__)
            self._leading = False
        if self._leading != was_leading:
            logger.warning("Beat %s", "holds the lock: sending periodic tasks" if self._leading else "stands by: another beat sends")
        return self._leading

    def tick(self, *args, **kwargs):
        self.leads()
        return super().tick(*args, **kwargs)

    def apply_entry(self, entry, producer=None):
        # tick() has marked the entry as run; only the beat holding the lock sends it.
        if self._leading:
            super().apply_entry(entry, producer=producer)
        else:
            logger.debug("Beat on standby: %s is sent by the beat holding the lock", entry.name)

    def close(self):
        if self._leading:
            try:
                self.beat_lock.release()
            except (LockError, RedisError):
                pass  # expired or unreachable: it lapses on its own
            self._leading = False
        super().close()
