"""Remote engines: hosted image-editing models (Gemini image models, GPT Image, OpenAI-compatible servers) run under
editree's guarantees. Their SDKs are imported only when a remote step runs; see engine.py for the path of a step.
"""
