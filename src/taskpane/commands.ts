// The ribbon's function file: the button only shows the task pane, so there is nothing to register.
Office.onReady(() => undefined);
