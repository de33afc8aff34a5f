import { createRoot } from 'react-dom/client';
import { loadSession, setUnauthorisedHandler } from './api';
import { match, navigate, usePath } from './router';
import { endSession } from './session';
import { SignIn } from './SignIn';
import { Home } from './Home';
import { Attendee } from './Attendee';
import { asMemberTab } from './attendee/tabs';
import { RegistrationScreen } from './admin/registration/RegistrationScreen';
import { SCREENS } from './screens';
import { adoptProjectorKey } from './ProjectorLink';
import { RegisterScreen } from './resolutions/RegisterScreen';
import { PlanScreen } from './resolutions/PlanScreen';
import './styles.css';

setUnauthorisedHandler((reason) => endSession(`Your session has ended: ${reason}`));
adoptProjectorKey();

function App() {
  const path = usePath();
  const session = loadSession();
  if (!session) {
    if (path !== '/') queueMicrotask(() => navigate('/', true));
    return <SignIn />;
  }
  // A projector link's tab shows its conference's projector screen and nothing else.
  if (session.kind === 'projector' && path !== `/projector/${session.conferenceId}`) {
    queueMicrotask(() => navigate(`/projector/${session.conferenceId}`, true));
    return null;
  }
  if (path === '/') {
    queueMicrotask(() =>
      navigate(
        session.kind === 'attendee' && session.conferenceId ? `/c/${session.conferenceId}/attendee` : '/home',
        true,
      ),
    );
    return null;
  }
  if (path === '/home') return <Home />;
  if (path === '/resolutions') return <RegisterScreen />;
  const plan = match('/plans/:year', path);
  if (plan && /^\d{4}$/.test(plan.year)) return <PlanScreen year={Number(plan.year)} key={path} />;
  const projector = match('/projector/:conferenceId', path);
  if (projector) return <SCREENS.projector conferenceId={projector.conferenceId} key={path} />;
  const memberScreen = match('/c/:conferenceId/attendee/:tab', path);
  const memberTab = memberScreen && asMemberTab(memberScreen.tab);
  // Keyed by the conference, not the path: moving between the member's tabs keeps the one live connection.
  if (memberScreen && memberTab)
    return (
      <Attendee conferenceId={memberScreen.conferenceId} tab={memberTab} key={memberScreen.conferenceId} />
    );
  const screen = match('/c/:conferenceId/:screen', path);
  if (screen) {
    const { conferenceId } = screen;
    if (screen.screen === 'attendee') return <Attendee conferenceId={conferenceId} key={conferenceId} />;
    if (screen.screen === 'admin') return <RegistrationScreen conferenceId={conferenceId} key={path} />;
    const Screen = SCREENS[screen.screen];
    if (Screen) return <Screen conferenceId={conferenceId} key={path} />;
  }
  return (
    <main id="main">
      <h1>Not found</h1>
      <p>
        There is no page at {path}. <a href="/">Start again</a>.
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
