import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { detectHost } from './host';

const root = createRoot(document.getElementById('root')!);
void detectHost().then((host) => root.render(<App host={host} />));
