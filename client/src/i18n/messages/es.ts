// Every area's messages in one language: one chunk per language, loaded on its own (i18n/load.ts).
// A new area: one import and one spread line here, in es.ts and fr.ts (README).
import type { Translation } from '../catalogueTypes';
import common from './common/es';
import phone from './phone/es';
import landing from './landing/es';
import election from './election/es';
import gossip from './gossip/es';
import byzantine from './byzantine/es';
import cart from './cart/es';
import consoleArea from './console/es';
import stage from './stage/es';
import replay from './replay/es';
import map from './map/es';
import electionConsole from './electionConsole/es';
import gossipConsole from './gossipConsole/es';
import byzantineConsole from './byzantineConsole/es';
import sandboxConsole from './sandboxConsole/es';
import errors from './errors/es';
import gameErrors from './gameErrors/es';
import consoleErrors from './consoleErrors/es';
import notices from './notices/es';
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
