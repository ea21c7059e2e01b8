// Every area's messages in one language: one chunk per language, loaded on its own (i18n/load.ts).
// A new area: one import and one spread line here, in es.ts and fr.ts (README).
import type { Translation } from '../catalogueTypes';
import common from './common/fr';
import phone from './phone/fr';
import landing from './landing/fr';
import election from './election/fr';
import gossip from './gossip/fr';
import byzantine from './byzantine/fr';
import cart from './cart/fr';
import consoleArea from './console/fr';
import stage from './stage/fr';
import replay from './replay/fr';
import map from './map/fr';
import electionConsole from './electionConsole/fr';
import gossipConsole from './gossipConsole/fr';
import byzantineConsole from './byzantineConsole/fr';
import sandboxConsole from './sandboxConsole/fr';
import errors from './errors/fr';
import gameErrors from './gameErrors/fr';
import consoleErrors from './consoleErrors/fr';
import notices from './notices/fr';
import type { English } from './en';

const messages: Translation<English> = {
  ...common,
  ...phone,
  ...landing,
  ...election,
  ...gossip,
  ...byzantine,
  ...cart,
  ...consoleArea,
  ...stage,
  ...replay,
  ...map,
  ...electionConsole,
  ...gossipConsole,
  ...byzantineConsole,
  ...sandboxConsole,
  ...errors,
  ...gameErrors,
  ...consoleErrors,
  ...notices,
};
export default messages;
