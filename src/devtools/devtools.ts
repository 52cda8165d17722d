chrome.devtools.panels.create('Cookies', '', 'src/devtools/panel.html');
