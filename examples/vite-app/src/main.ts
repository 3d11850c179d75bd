// Calls the compiled Python and renders the results. With `npm run dev`,
// editing a .py hot-updates this page: the accept handler below re-renders
// with the new module instead of reloading the page.
import * as fibModule from './fib.py';
import * as physicsModule from './physics.py';

type Fib = typeof fibModule;
type Physics = typeof physicsModule;

const EARTH_MASS = 5.972e24; // kg
const EARTH_RADIUS = 6.371e6; // m
const ISS_ALTITUDE = 4.08e5; // m

function item(text: string): HTMLLIElement {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

function renderFib(m: Fib): void {
  const list = document.querySelector<HTMLUListElement>('#fib')!;
  const started = performance.now();
  const value = m.fib(30);
  const ms = performance.now() - started;
  list.replaceChildren(
    item(`fib(30) = ${value}`),
    item(`fib_iter(78) = ${m.fib_iter(78)}`),
    item(`recursive fib(30) took ${ms.toFixed(1)} ms`),
  );
}

function renderPhysics(m: Physics): void {
  const list = document.querySelector<HTMLUListElement>('#physics')!;
  const r = EARTH_RADIUS + ISS_ALTITUDE;
  list.replaceChildren(
    item(`a ball thrown at 20 m/s, 45°, lands ${m.projectile_range(20, 45, 9.81).toFixed(2)} m away`),
    item(`after ${m.flight_time(20, 45, 9.81).toFixed(2)} s, peaking at ${m.apex_height(20, 45, 9.81).toFixed(2)} m`),
    item(`the ISS orbits every ${(m.orbital_period(r, EARTH_MASS) / 60).toFixed(1)} min at ${(m.orbital_speed(r, EARTH_MASS) / 1000).toFixed(2)} km/s`),
  );
}

renderFib(fibModule);
renderPhysics(physicsModule);

if (import.meta.hot) {
  import.meta.hot.accept('./fib.py', (m) => m && renderFib(m as unknown as Fib));
  import.meta.hot.accept('./physics.py', (m) => m && renderPhysics(m as unknown as Physics));
}
