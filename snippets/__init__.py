"""Code examples of the knowledge base: one self-contained module per question.

Pages include these files (or sections of them) with pymdownx.snippets, so the code a
reader sees is the code the tests run. Each module also runs on its own, e.g.
`python -m snippets.q05_keras_model`.
"""
