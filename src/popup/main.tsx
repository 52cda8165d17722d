import { render } from 'preact';

function Popup() {
  return <main>Cookie Inspector</main>;
}

render(<Popup />, document.getElementById('app')!);
