"""The code-free app and its machinery: the Voilà server, preheated page kernels, the hub
extension, the folder and environment Jupyter is started with."""
