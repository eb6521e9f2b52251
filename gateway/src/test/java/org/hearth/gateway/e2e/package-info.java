/** Large tests: whole gateway and carer processes, as a home runs them. */
package org.hearth.gateway.e2e;
