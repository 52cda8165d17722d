import { benchPopup } from './scripts/bench/popup';
for (const line of await benchPopup()) console.log(line);
