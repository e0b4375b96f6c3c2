"""nbval here (``pytest notebooks --nbval``) says what changed when a notebook's stored
outputs no longer match: see :func:`kb.tools.notebooks.nbval_plugin`."""


def pytest_configure(config):
    from kb.tools.notebooks import register_nbval_plugin

    register_nbval_plugin(config)
