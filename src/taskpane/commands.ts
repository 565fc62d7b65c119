// The ribbon's function file: the button only shows the task pane, so there is nothing to register.
// Office only opens this page inside Office, where commands.html has loaded office.js; the guard keeps
// a stray open of the page in a browser quiet.
if (typeof Office !== 'undefined') void Office.onReady();
