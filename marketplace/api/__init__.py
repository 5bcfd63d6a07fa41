# Route modules of the same blueprint, each in its own file (registered on import).
from marketplace.api import recommendations  # noqa: F401
