import { render } from 'preact';

function Panel() {
  return <main>Cookies</main>;
}

render(<Panel />, document.getElementById('app')!);
