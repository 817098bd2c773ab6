# expect: strict=deny standard=allow audit=allow
import logging

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("pipeline")


def process(batch: list[int]) -> int:
    log.info("processing %d items", len(batch))
    if not batch:
        log.warning("empty batch")
        return 0
    total = sum(batch)
    log.debug("total=%d", total)
    return total


process([1, 2, 3])
process([])
