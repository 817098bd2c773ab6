# expect: strict=deny standard=allow audit=allow
import logging

handler = logging.FileHandler("agent.log", encoding="utf-8")
handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
logger = logging.getLogger("agent")
logger.addHandler(handler)
logger.setLevel(logging.INFO)
logger.info("task started")
logger.info("task finished")
